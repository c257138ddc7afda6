#!/usr/bin/env bash
# Sets up SPT Desktop and starts it on a demo vault (created on first use in ./demo-vault/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/system-deps.sh app
scripts/bootstrap.sh
exec .venv/bin/spt-desktop --demo "$@"
