#!/usr/bin/env bash
# Build the guest programs (C and assembly) with Debian's aarch64 cross
# compiler, statically linked, into build/guest/<folder>/<name>.
#   test/guest/<folder>/*.c|*.S -> build/guest/<folder>/   and   bench/guest/*.c -> build/guest/bench/
# Extra flags for one program: a line "// cflags: ..." in its source.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
CC=aarch64-linux-gnu-gcc
BASE_CFLAGS=(-static -O2 -ffp-contract=off -fno-strict-aliasing -Wall)
out=build/guest
shopt -s nullglob
built=0
for src in test/guest/*/*.c test/guest/*/*.S bench/guest/*.c; do
  case "$src" in bench/*) dir=bench ;; *) dir=$(basename "$(dirname "$src")") ;; esac
  name=$(basename "${src%.*}")
  dest="$out/$dir/$name"
  mkdir -p "$out/$dir"
  if [ -f "$dest" ] && [ "$dest" -nt "$src" ] && [ "$dest" -nt "$0" ]; then continue; fi
  extra=$(sed -n 's|^// cflags: ||p' "$src" | head -1)
  # shellcheck disable=SC2086
  $CC "${BASE_CFLAGS[@]}" $extra -o "$dest" "$src" -lm
  built=$((built + 1))
done
echo "armvisor: guest programs up to date ($built built) in $out" >&2
