#!/usr/bin/env bash
# The bench's peer: PouchDB 9 (pouchdb-node) and express-pouchdb, from the npm registry,
# into bench/peers/node_modules (never committed). Installs Node.js from Debian's packages
# when the machine has none. Run once: bash bench/peers/setup.sh
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    apt-get update -qq
    apt-get install -y -qq nodejs npm
fi
npm install --no-audit --no-fund --loglevel=error
node -e "require('pouchdb-node'); require('express-pouchdb'); console.log('peers ready: node', process.version)"
