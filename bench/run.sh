#!/usr/bin/env bash
# npm run bench: build, then time the guest benchmarks and real Debian programs
# under armvisor and qemu-aarch64 in the same run and write docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
[ -d node_modules/typescript ] || npm ci --no-audit --no-fund
npx tsc -p .
bash scripts/build-guests.sh
node dist/bench/run.js "$@"
# Real programs from Debian (python3, xz, gzip): their own table in docs/PERFORMANCE.md.
exec node dist/bench/real.js "$@"
