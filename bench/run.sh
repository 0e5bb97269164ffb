#!/usr/bin/env bash
# npm run bench: build, then time the guest benchmarks under armvisor and
# qemu-aarch64 in the same run and write docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
[ -d node_modules/typescript ] || npm ci --no-audit --no-fund
npx tsc -p .
bash scripts/build-guests.sh
exec node dist/bench/run.js "$@"
