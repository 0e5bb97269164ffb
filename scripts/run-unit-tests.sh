#!/usr/bin/env bash
# Run every compiled unit test under dist/test (node's test runner).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find dist/test -name '*.test.js' | sort)
exec node --test --test-concurrency=2 "${files[@]}" "$@"
