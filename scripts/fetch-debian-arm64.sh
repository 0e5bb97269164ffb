#!/usr/bin/env bash
# Fetch real Debian arm64 software for the real-software tests (test/real/):
#   build/sysroot-arm64/    busybox-static:arm64 plus dynamically linked
#                           programs (python3.11, sqlite3, lua5.4, coreutils,
#                           xz, gzip, dash as /bin/sh for system() and
#                           shell=True) and every library they need, unpacked
#                           with dpkg -x (nothing is installed on the host)
#   build/host-amd64/       the host's busybox-static (same version): the
#                           reference for shell scripts that exec other
#                           applets (qemu-aarch64 cannot exec an arm64 program
#                           without binfmt_misc)
#   build/debs/             the downloaded .deb files (a cache)
# Idempotent: a second run only checks; `--force` unpacks again. Needs root on
# Debian (dpkg --add-architecture, apt-get update); otherwise it prints what to
# run and exits 1. Nothing here is committed (build/ is ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SYSROOT=$ROOT/build/sysroot-arm64
HOSTDIR=$ROOT/build/host-amd64
CACHE=$ROOT/build/debs
STAMP=$SYSROOT/.armvisor-fetched
FORCE=0
[ "${1:-}" = --force ] && FORCE=1

# The programs the tests run; their library closure is computed below from
# the arm64 Depends/Pre-Depends fields (first alternative of each).
ROOTS=(busybox-static python3.11-minimal libpython3.11-stdlib sqlite3 lua5.4 coreutils xz-utils gzip dash)
# Dependencies that are tools for installing packages, not files a program
# loads at run time: not unpacked into the sysroot.
SKIP=" dpkg install-info debconf perl-base perl libperl5.36 perl-modules-5.36 tar readline-common libtirpc-common "
# Files the tests need; when all exist the fetch is complete.
NEEDED_FILES=(
  "$SYSROOT/bin/busybox"
  "$SYSROOT/bin/sh"
  "$SYSROOT/usr/bin/python3.11"
  "$SYSROOT/usr/lib/python3.11/json/__init__.py"
  "$SYSROOT/usr/bin/sqlite3"
  "$SYSROOT/usr/bin/lua5.4"
  "$SYSROOT/bin/ls"
  "$SYSROOT/usr/bin/xz"
  "$SYSROOT/bin/gzip"
  "$SYSROOT/lib/ld-linux-aarch64.so.1"
  "$HOSTDIR/bin/busybox"
  "$SYSROOT/usr/lib/python3.11/json/__pycache__/__init__.cpython-311.pyc"
)

complete() {
  [ -f "$STAMP" ] || return 1
  local f
  for f in "${NEEDED_FILES[@]}"; do [ -e "$f" ] || return 1; done
}

if [ $FORCE = 0 ] && complete; then
  exit 0
fi
# Test files run in parallel and each may start this script: one fetch at a
# time, the others wait and then find it complete.
mkdir -p "$ROOT/build"
if command -v flock >/dev/null; then
  exec 9>"$ROOT/build/.fetch-debian-arm64.lock"
  flock 9
  if [ $FORCE = 0 ] && complete; then exit 0; fi
fi

fail_howto() {
  cat >&2 <<MSG
armvisor: cannot fetch the Debian arm64 software for the real-software tests: $1
Run, as root on Debian 12 (bookworm):
  dpkg --add-architecture arm64 && apt-get update   # exit 100 from one foreign list is harmless
  bash scripts/fetch-debian-arm64.sh
MSG
  exit 1
}

command -v apt-get >/dev/null && command -v dpkg >/dev/null || fail_howto "apt-get/dpkg not found (not Debian)"
[ "$(id -u)" = 0 ] || fail_howto "not running as root"

export DEBIAN_FRONTEND=noninteractive
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  echo "armvisor: dpkg --add-architecture arm64" >&2
  dpkg --add-architecture arm64
fi
# apt-get update when the arm64 or the host busybox-static package is not
# known yet (a fresh machine). Exit 100 (one archive's foreign list failing)
# is not fatal: what matters is whether the packages resolve afterwards.
if ! apt-cache show busybox-static:arm64 >/dev/null 2>&1 || ! apt-cache show busybox-static:amd64 >/dev/null 2>&1; then
  echo "armvisor: apt-get update" >&2
  apt-get update -qq || echo "armvisor: apt-get update reported errors; going on if the packages resolve" >&2
fi
HOSTARCH=$(dpkg --print-architecture)
apt-cache show busybox-static:arm64 >/dev/null 2>&1 || fail_howto "busybox-static:arm64 does not resolve (apt-get update failed?)"

# Dependency closure over arm64 packages, in one apt-cache call (each call
# reads every package list: seconds). Architecture-independent packages show
# without the :arm64 suffix and are left out: none of them holds a library.
pkgs=()
while read -r p; do
  case "$SKIP" in *" $p "*) continue ;; esac
  pkgs+=("$p")
done < <(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
  --no-replaces --no-enhances "${ROOTS[@]/%/:arm64}" 2>/dev/null | sed -n 's/^\([^ <][^ ]*\):arm64$/\1/p' | sort -u)
[ ${#pkgs[@]} -gt 0 ] || fail_howto "apt-cache depends found no arm64 packages"

mkdir -p "$CACHE"
# apt-get download as root into a folder _apt cannot write warns about
# downloading unsandboxed: let _apt own the cache.
if id _apt >/dev/null 2>&1; then chown _apt "$CACHE"; fi

# name:arch -> the .deb file apt-get download writes (epoch colon as %3a).
declare -A debfile=()
specs=("${pkgs[@]/%/:arm64}" "busybox-static:$HOSTARCH")
while read -r name ver arch; do
  debfile[$name:$arch]="$CACHE/${name}_${ver/:/%3a}_$arch.deb"
done < <(apt-cache show --no-all-versions "${specs[@]}" |
  awk '/^Package:/{n=$2} /^Version:/{v=$2} /^Architecture:/{a=$2} /^$/{if(n)print n, v, a; n=""} END{if(n)print n, v, a}')
want=()
for spec in "${specs[@]}"; do
  f=${debfile[$spec]:-}
  [ -n "$f" ] || fail_howto "$spec has no candidate version"
  [ -f "$f" ] || want+=("$spec")
done
if [ ${#want[@]} -gt 0 ]; then
  echo "armvisor: downloading ${#want[@]} packages: ${want[*]}" >&2
  (cd "$CACHE" && apt-get download -q=2 "${want[@]}") || fail_howto "apt-get download failed"
fi

rm -f "$STAMP"
mkdir -p "$SYSROOT" "$HOSTDIR"
echo "armvisor: unpacking ${#pkgs[@]} arm64 packages into build/sysroot-arm64" >&2
for p in "${pkgs[@]}"; do dpkg -x "${debfile[$p:arm64]}" "$SYSROOT"; done
dpkg -x "${debfile[busybox-static:$HOSTARCH]}" "$HOSTDIR"

# Check that every shared library the programs and Python's extension modules
# need is in the sysroot (a missing one means the package list is wrong).
if command -v aarch64-linux-gnu-readelf >/dev/null; then
  missing=0
  for elf in "$SYSROOT"/usr/bin/{python3.11,sqlite3,lua5.4,xz} "$SYSROOT"/bin/{ls,gzip} "$SYSROOT"/usr/lib/python3.11/lib-dynload/*.so; do
    for lib in $(aarch64-linux-gnu-readelf -d "$elf" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
      if ! compgen -G "$SYSROOT/lib/aarch64-linux-gnu/$lib" >/dev/null && ! compgen -G "$SYSROOT/usr/lib/aarch64-linux-gnu/$lib" >/dev/null; then
        echo "armvisor: warning: ${elf#$SYSROOT} needs $lib, not in the sysroot" >&2
        missing=1
      fi
    done
  done
  [ $missing = 0 ] || echo "armvisor: some libraries are missing (see above); the tests that need them will fail" >&2
fi

# Debian compiles Python's standard library to .pyc when the package is
# installed (py3compile in postinst); dpkg -x does not, and without them every
# import compiles its module again (import json: ~290 M instead of ~50 M
# guest instructions). Compile with the guest's own Python under the reference
# emulator, so the bytecode is exactly what that Python expects.
if command -v qemu-aarch64 >/dev/null; then
  echo "armvisor: compiling the Python standard library (qemu-aarch64)" >&2
  env -u PYTHONDONTWRITEBYTECODE qemu-aarch64 -L "$SYSROOT" "$SYSROOT/usr/bin/python3.11" -m compileall -q -j 2 \
    -x '/(test|tests|idlelib|lib2to3|tkinter|turtledemo|ensurepip)/' "$SYSROOT/usr/lib/python3.11" >/dev/null ||
    echo "armvisor: warning: compileall reported errors" >&2
else
  echo "armvisor: warning: qemu-aarch64 missing; Python's standard library stays uncompiled (slow imports)" >&2
fi

for f in "${NEEDED_FILES[@]}"; do [ -e "$f" ] || fail_howto "${f#$ROOT/} is missing after unpacking"; done
printf '%s\n' "${pkgs[@]}" >"$STAMP"
echo "armvisor: build/sysroot-arm64 and build/host-amd64 are ready" >&2
