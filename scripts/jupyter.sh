#!/usr/bin/env bash
# Opens Jupyter on notebooks/ with the project's TypeScript kernel.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
[ -f "$ROOT/.jupyter/share/jupyter/kernels/churnlab/kernel.json" ] || { echo "run 'npm run setup' first" >&2; exit 1; }
extra=()
[ "$(id -u)" = 0 ] && extra+=(--allow-root)
export JUPYTER_PATH="$ROOT/.jupyter/share/jupyter"
exec /usr/bin/python3 -m notebook --notebook-dir="$ROOT/notebooks" "${extra[@]}" "$@"
