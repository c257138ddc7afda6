#!/usr/bin/env bash
# Creates .venv (Python 3.11+) and installs SPT Desktop with its development extras.
# Idempotent: does nothing when pyproject.toml has not changed since the last run.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "SPT Desktop needs Python 3.11 or newer; '$PY' is $("$PY" --version 2>&1)." >&2
    exit 1
fi
if ! "$PY" -c 'import venv, ensurepip' 2>/dev/null; then
    echo "Python's venv module is missing: install it (Debian/Ubuntu: apt-get install python3-venv)." >&2
    exit 1
fi
stamp=".venv/.bootstrap-stamp"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    exit 0
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[dev]'
echo "$want" > "$stamp"
