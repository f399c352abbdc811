#!/usr/bin/env bash
# Executes every notebook and writes it, with outputs, to build/notebooks/*.html,
# with progress per notebook and per cell (see scripts/notebook.sh).
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT" && INIT_CWD="" exec bash scripts/notebook.sh notebooks/*.ipynb
