"""Execute Jupyter notebooks headlessly with the churnlab TypeScript kernel.

Usage: run_notebook.py [--html OUTDIR] [--timeout SECONDS] NOTEBOOK...

Each notebook runs in a fresh kernel started at the repository root.  On the
first failing cell the script prints a JSON line naming the notebook, the cell
(1-based index among all cells) and the error, and exits 1.  With --html the
executed notebook is rendered to OUTDIR/<name>.html (the source file is never
modified).  Exit codes: 0 all clean, 1 a cell failed, 2 usage or setup error.
"""
import argparse
import json
import os
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

KERNEL = "churnlab"


def cell_error(cell):
    """The error text a cell produced: an error output, or tslab's stderr."""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            return (out.get("ename", "") + ": " + out.get("evalue", "")).strip()
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream" and out.get("name") == "stderr":
            return out.get("text", "").strip()
    return ""


def run(path, timeout, html_dir):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name=KERNEL, allow_errors=False,
                            resources={"metadata": {"path": os.getcwd()}})
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells, start=1):
            if cell.cell_type != "code":
                continue
            try:
                client.execute_cell(cell, index - 1)
            except (CellExecutionError, CellTimeoutError) as err:
                return {"notebook": path, "cell": index, "source": cell.source[:300],
                        "error": (cell_error(cell) or str(err))[-3000:]}
    if html_dir:
        from nbconvert import HTMLExporter
        os.makedirs(html_dir, exist_ok=True)
        body, _ = HTMLExporter().from_notebook_node(nb)
        name = os.path.splitext(os.path.basename(path))[0] + ".html"
        tmp = os.path.join(html_dir, "." + name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(body)
        os.replace(tmp, os.path.join(html_dir, name))
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+")
    parser.add_argument("--html", default=None)
    parser.add_argument("--timeout", type=int, default=600)
    args = parser.parse_args()
    status = 0
    for path in args.notebooks:
        if not os.path.isfile(path):
            print(json.dumps({"notebook": path, "cell": None, "error": "no such notebook"}))
            return 2
        problem = run(path, args.timeout, args.html)
        if problem:
            print(json.dumps(problem, ensure_ascii=False))
            status = 1
        else:
            print(json.dumps({"notebook": path, "ok": True}))
    return status


if __name__ == "__main__":
    sys.exit(main())
