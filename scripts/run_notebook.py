"""Execute Jupyter notebooks headlessly with the churnlab TypeScript kernel.

Usage: run_notebook.py [--html OUTDIR] [--timeout SECONDS] [--quiet] NOTEBOOK...

Each notebook runs in a fresh kernel started at the repository root. Progress
goes to stderr, one line per notebook and per cell. stdout gets one JSON line
per notebook: {"notebook": ..., "ok": true} or, on the first failing cell,
{"notebook": ..., "cell": N (1-based among all cells), "source": ..., "error": ...}.
With --html the executed notebook is written to OUTDIR/<name>.html, also
when a cell failed: the page then opens with a note naming the cell, and the
cell shows its error (the source notebook is never modified).

Exit codes: 0 all clean, 1 a cell failed, 2 usage or setup error (a missing
notebook, Python module or kernel: one line on stderr).
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SYSTEM_PYTHON = os.environ.get("CHURNLAB_PYTHON", "/usr/bin/python3")
KERNEL = "churnlab"

try:
    import argparse
    import json
    import re
    import time

    import nbformat
    from jupyter_client.kernelspec import NoSuchKernel
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
except ImportError as missing:
    if os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON) and os.path.exists(SYSTEM_PYTHON):
        # Jupyter comes from Debian: run with the Python that has it.
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON, os.path.abspath(__file__), *sys.argv[1:]])
    sys.stderr.write(f"error: {sys.executable} cannot import {missing.name}: run 'npm run setup' (Jupyter, nbclient and nbconvert come from Debian's python3)\n")
    sys.exit(2)


class SetupError(Exception):
    """The kernel or an input is missing: reported in one line, exit 2."""


def cell_error(cell):
    """The error text a cell produced: an error output, or tslab's stderr."""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            return (out.get("ename", "") + ": " + out.get("evalue", "")).strip()
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream" and out.get("name") == "stderr":
            return out.get("text", "").strip()
    return ""


def progress(quiet, text):
    if not quiet:
        sys.stderr.write(text + "\n")
        sys.stderr.flush()


def first_line(source):
    line = next((l for l in source.splitlines() if l.strip()), "")
    return line if len(line) <= 70 else line[:67] + "..."


def execute(nb, path, timeout, quiet):
    """Runs the code cells in order; returns None, or the first failure as a dict."""
    client = NotebookClient(nb, timeout=timeout, kernel_name=KERNEL, allow_errors=False, resources={"metadata": {"path": ROOT}})
    code = [i for i, cell in enumerate(nb.cells) if cell.cell_type == "code"]
    try:
        with client.setup_kernel():
            for k, index in enumerate(code, start=1):
                cell = nb.cells[index]
                started = time.perf_counter()
                try:
                    client.execute_cell(cell, index)
                except (CellExecutionError, CellTimeoutError, DeadKernelError) as err:
                    progress(quiet, f"  cell {index + 1} ({k}/{len(code)} code) FAILED after {time.perf_counter() - started:.1f} s: {first_line(cell.source)}")
                    return {"notebook": path, "cell": index + 1, "source": cell.source[:300], "error": (cell_error(cell) or str(err))[-3000:]}
                progress(quiet, f"  cell {index + 1} ({k}/{len(code)} code) ok {time.perf_counter() - started:.1f} s: {first_line(cell.source)}")
    except NoSuchKernel:
        raise SetupError(f"the '{KERNEL}' kernel is not registered in {os.environ.get('JUPYTER_PATH')}: run 'npm run setup'")
    except RuntimeError as err:
        if "Kernel died before replying" in str(err) or "Kernel didn't respond" in str(err):
            raise SetupError(f"the '{KERNEL}' kernel did not start ({err}): run 'npm run setup', then try again")
        raise
    return None


def write_html(nb, path, html_dir, failure):
    from nbconvert import HTMLExporter

    if failure:
        lines = [l.strip() for l in failure["error"].splitlines() if l.strip()]
        headline = next((l for l in lines if re.match(r"^[A-Za-z.]*(Error|Exception)\b[^:]*:", l)), lines[-1] if lines else "")
        headline = headline[:300].replace("`", "'")
        note = (f"> **This run stopped at cell {failure['cell']}**, with the error shown in that cell; the cells after it were not run.  \n"
                f"> `{headline}`")
        nb.cells.insert(0, nbformat.v4.new_markdown_cell(note))
    os.makedirs(html_dir, exist_ok=True)
    exporter = HTMLExporter(template_name="churnlab", extra_template_basedirs=[os.path.join(ROOT, "scripts", "nbconvert")])
    body, _ = exporter.from_notebook_node(nb)
    name = os.path.splitext(os.path.basename(path))[0] + ".html"
    tmp = os.path.join(html_dir, "." + name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(body)
    os.replace(tmp, os.path.join(html_dir, name))
    return os.path.join(html_dir, name)


def run(path, timeout, html_dir, quiet):
    nb = nbformat.read(path, as_version=4)
    started = time.perf_counter()
    failure = execute(nb, path, timeout, quiet)
    written = write_html(nb, path, html_dir, failure) if html_dir else None
    status = "FAILED" if failure else "ok"
    where = f" -> {os.path.relpath(written, ROOT)}" if written else ""
    progress(quiet, f"  {status} in {time.perf_counter() - started:.0f} s{where}")
    return failure


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+")
    parser.add_argument("--html", default=None, help="write each executed notebook to this folder as HTML")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell (default 600)")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    args = parser.parse_args()
    os.environ.setdefault("JUPYTER_PATH", os.path.join(ROOT, ".jupyter", "share", "jupyter"))
    missing = [p for p in args.notebooks if not os.path.isfile(p)]
    if missing:
        sys.stderr.write(f"error: no such notebook: {', '.join(missing)}\n")
        print(json.dumps({"notebook": missing[0], "cell": None, "error": "no such notebook"}))
        return 2
    status = 0
    for number, path in enumerate(args.notebooks, start=1):
        progress(args.quiet, f"[{number}/{len(args.notebooks)}] {path}")
        try:
            failure = run(path, args.timeout, args.html, args.quiet)
        except SetupError as err:
            sys.stderr.write(f"error: {err}\n")
            return 2
        print(json.dumps(failure if failure else {"notebook": path, "ok": True}, ensure_ascii=False), flush=True)
        status = 1 if failure else status
    return status


if __name__ == "__main__":
    sys.exit(main())
