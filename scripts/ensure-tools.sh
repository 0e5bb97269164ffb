#!/usr/bin/env bash
# Make sure the Debian packages the tests need are installed:
#   gcc-aarch64-linux-gnu (cross compiler with static glibc), qemu-user
#   (qemu-aarch64, the reference) and the host's gcc (native builds of the
#   exec tests, which qemu-aarch64 cannot run). Installs them when missing
#   and possible.
set -euo pipefail
need=()
command -v aarch64-linux-gnu-gcc >/dev/null || need+=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross)
command -v qemu-aarch64 >/dev/null || need+=(qemu-user)
command -v gcc >/dev/null || need+=(gcc libc6-dev)
[ ${#need[@]} -eq 0 ] && exit 0
echo "armvisor: installing missing packages: ${need[*]}" >&2
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  cat >&2 <<MSG
armvisor: cannot install ${need[*]} here (needs root on Debian or Ubuntu).
Run, as root:   apt-get update && apt-get install -y ${need[*]}
MSG
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq || echo "armvisor: apt-get update reported errors; trying the install anyway" >&2
apt-get install -y -qq "${need[@]}" >/dev/null
