#!/usr/bin/env bash
# Executes every notebook and writes it, with outputs, to build/notebooks/*.html.
# The committed notebooks are not modified.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
export JUPYTER_PATH="$ROOT/.jupyter/share/jupyter"
exec /usr/bin/python3 scripts/run_notebook.py --html build/notebooks notebooks/*.ipynb
