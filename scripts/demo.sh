#!/usr/bin/env bash
# The quick start: install the tools if missing, build armvisor and the guest
# programs, then run a real static arm64 Linux program under armvisor.
#   npm run demo            (or: bash scripts/demo.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
[ -d node_modules/typescript ] || npm ci --no-audit --no-fund
npx tsc -p .
bash scripts/build-guests.sh
echo "\$ armvisor run --stats build/guest/demo/demo" >&2
exec node dist/src/cli/main.js run --stats build/guest/demo/demo
