#!/usr/bin/env bash
# Executes notebooks on the churnlab kernel, with progress per notebook and per
# cell, and writes each to build/notebooks/<name>.html, also when a cell fails
# (the page then shows the failing cell's error). The notebooks are not modified.
#
#   npm run notebook -- notebooks/03-train-model.ipynb
#   npm run notebooks:html                         (every notebook)
#
# Exit codes: 0 all clean, 1 a cell failed, 2 usage or setup error.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="${CHURNLAB_PYTHON:-/usr/bin/python3}"
[ $# -gt 0 ] || { echo "usage: npm run notebook -- notebooks/NN-name.ipynb [more.ipynb ...]" >&2; exit 2; }
[ -x "$PY" ] || { echo "error: $PY is missing: run 'npm run setup' (Jupyter comes from Debian's python3)" >&2; exit 2; }
# npm runs scripts at the repository root: paths are relative to where npm was called.
args=()
for arg in "$@"; do
  if [[ "$arg" != -* && "$arg" != /* && -n "${INIT_CWD:-}" && "${INIT_CWD}" != "$ROOT" ]]; then args+=("$INIT_CWD/$arg"); else args+=("$arg"); fi
done
cd "$ROOT" || exit 2
export JUPYTER_PATH="$ROOT/.jupyter/share/jupyter"
exec "$PY" scripts/run_notebook.py --html build/notebooks "${args[@]}"
