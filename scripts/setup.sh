#!/usr/bin/env bash
# One-command set-up for churnlab (idempotent: safe to run again at any time).
#   1. system packages from Debian apt, when missing: Jupyter (notebook, nbclient,
#      nbconvert, ipykernel), Chromium and CJK fonts (chart export, CEO page),
#      NumPy and scikit-learn (reference benchmarks);
#   2. npm dependencies;
#   3. the TypeScript kernel (tslab) registered for this project only, in
#      .jupyter/ inside the repository: nothing global is touched.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

APT_PACKAGES=(jupyter-notebook python3-nbclient python3-nbconvert python3-ipykernel jupyter-client
              chromium fonts-noto-cjk python3-numpy python3-sklearn)
PY=/usr/bin/python3

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
fail() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

# --- Node.js -----------------------------------------------------------------
command -v node >/dev/null || fail "Node.js is not installed: install Node.js 20.19 or newer, then run 'npm run setup' again."
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || fail "Node.js $(node --version) is too old: churnlab needs 20.19 or newer."

# --- System packages ---------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    say "installing from Debian apt: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    cat >&2 <<MSG
[setup] error: these system packages are missing: ${missing[*]}
churnlab installs them with Debian's apt, which needs root. Install them yourself with:

    sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}

(on a system without apt: Python 3 with the packages notebook, nbclient, nbconvert,
ipykernel, jupyter_client, numpy and scikit-learn at /usr/bin/python3; a Chromium
browser at /usr/bin/chromium; a CJK font such as Noto Sans CJK), then run 'npm run setup' again.
MSG
    exit 1
  fi
else
  say "system packages present"
fi
"$PY" -c 'import nbclient, nbconvert, ipykernel, notebook' 2>/dev/null \
  || fail "$PY cannot import nbclient/nbconvert/ipykernel/notebook although the packages are installed."
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium is missing."

# --- npm dependencies --------------------------------------------------------
say "installing npm dependencies"
npm install --no-audit --no-fund --loglevel=error

# --- The compiled library notebooks import (lib/) ------------------------------
say "compiling src/ to lib/ for the notebooks"
node scripts/build-lib.js --if-stale || fail "could not compile src/ to lib/ (run 'npm run build:lib' to see why)"

# --- TypeScript kernel for this project --------------------------------------
# tslab compiles with the kernel's working directory as its root, so the kernel
# starts at the repository root (scripts/kernel.sh): notebooks import "./src/...".
KDIR="$ROOT/.jupyter/share/jupyter/kernels/churnlab"
mkdir -p "$KDIR"
cat > "$KDIR/kernel.json.tmp" <<JSON
{
  "argv": ["$ROOT/scripts/kernel.sh", "{connection_file}"],
  "display_name": "TypeScript (churnlab)",
  "language": "typescript"
}
JSON
mv "$KDIR/kernel.json.tmp" "$KDIR/kernel.json"
kernels="$(JUPYTER_PATH="$ROOT/.jupyter/share/jupyter" "$PY" -m jupyter kernelspec list 2>/dev/null || true)"
[[ "$kernels" == *"$KDIR"* ]] || fail "the churnlab kernel did not register in $KDIR (jupyter kernelspec list: $kernels)"
say "kernel 'churnlab' registered in .jupyter/ (project-local)"

say "done. Next: 'npm test' runs the tests, 'npm run jupyter' opens the notebooks."
