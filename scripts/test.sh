#!/usr/bin/env bash
# Sets up SPT Desktop and runs every test. Server tests need PostgreSQL: when
# SPT_TEST_POSTGRES_URL is not set, tests/conftest.py starts a throwaway cluster itself
# (Debian's postgresql package), or skips those tests with the reason when there is none.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/system-deps.sh test
scripts/bootstrap.sh
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
