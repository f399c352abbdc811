"""Run code cells in one fresh churnlab kernel and time each (for bench/notebooks.ts).

Reads a JSON list of cell sources on stdin; prints one JSON object:
{"kernelStartSeconds": s, "cells": [{"seconds": s, "status": "ok"|"error", "text": "stdout..."}]}.
Needs JUPYTER_PATH pointing at the project's .jupyter/share/jupyter.
"""
import json
import sys
import time

from jupyter_client.manager import start_new_kernel


def main():
    cells = json.load(sys.stdin)
    started = time.perf_counter()
    km, kc = start_new_kernel(kernel_name="churnlab", cwd=sys.argv[1], startup_timeout=120)
    result = {"kernelStartSeconds": time.perf_counter() - started, "cells": []}
    try:
        for code in cells:
            texts = []

            def hook(msg, texts=texts):
                if msg["msg_type"] == "stream":
                    texts.append(msg["content"]["text"])

            t0 = time.perf_counter()
            reply = kc.execute_interactive(code, timeout=900, output_hook=hook)
            result["cells"].append({"seconds": time.perf_counter() - t0, "status": reply["content"]["status"], "text": "".join(texts)})
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
