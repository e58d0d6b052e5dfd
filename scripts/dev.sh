#!/usr/bin/env bash
# Run a command inside the project's virtual environment, creating it on first use.
#   bash scripts/dev.sh drt-agent solve "A-B, B-C, C-F. Is A connected to F?"
#   bash scripts/dev.sh pytest
# The environment is CPU-only: constraints.txt pins torch==2.13.0 (a CPU build) and every other package.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv"
stamp="$venv/.installed-$(cat "$root/pyproject.toml" "$root/constraints.txt" | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  echo "drt-agent: creating .venv (first run only; a few minutes)..." >&2
  "$venv/bin/python" -m pip install -qq -c "$root/constraints.txt" -e "$root[dev,all]"
  rm -f "$venv"/.installed-* && touch "$stamp"
fi
cd "$root"
export PATH="$venv/bin:$PATH"
if [ "$#" -eq 0 ]; then set -- pytest; fi
if [ "$1" = "pytest" ]; then shift; exec python -m pytest "$@"; fi
exec "$@"
