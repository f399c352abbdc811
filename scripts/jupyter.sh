#!/usr/bin/env bash
# Opens Jupyter on notebooks/ with the project's TypeScript kernel as the
# default kernel (new notebooks start on it; the project's notebooks name it).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
[ -f "$ROOT/.jupyter/share/jupyter/kernels/churnlab/kernel.json" ] || { echo "error: the churnlab kernel is not registered: run 'npm run setup' first" >&2; exit 2; }
extra=()
[ "$(id -u)" = 0 ] && extra+=(--allow-root)
export JUPYTER_PATH="$ROOT/.jupyter/share/jupyter"
exec /usr/bin/python3 -m notebook --notebook-dir="$ROOT/notebooks" --MultiKernelManager.default_kernel_name=churnlab "${extra[@]}" "$@"
