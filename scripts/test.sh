#!/usr/bin/env bash
# The whole test suite: tools, build, guest programs, then every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
[ -d node_modules/typescript ] || npm ci --no-audit --no-fund
npx tsc -p .
bash scripts/build-guests.sh
bash scripts/run-unit-tests.sh
