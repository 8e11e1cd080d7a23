#!/usr/bin/env bash
# apt-get as root that waits for another apt/dpkg process (unattended-upgrades on a fresh VM, a second
# CI job) to release its lock instead of failing at once; the wait is bounded by APT_LOCK_WAIT seconds
# (default 300), after which apt-get runs anyway and fails with its own message.
# Usage: deploy/ci/apt-get.sh <apt-get arguments>   (used by .ci/run and deploy/ci/docker-setup.sh)
set -euo pipefail

wait_s="${APT_LOCK_WAIT:-300}"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# apt-get waits for the dpkg frontend lock itself (DPkg::Lock::Timeout below, apt >= 1.9.11), but
# older apt and the lists lock of `apt-get update` do not: wait here while any lock has a holder.
# fuser (psmisc) may be missing on a minimal image; then only apt's own timeout applies.
locks=(/var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock /var/cache/apt/archives/lock)
if command -v fuser >/dev/null 2>&1; then
  deadline=$(( $(date +%s) + wait_s ))
  told=0
  while as_root fuser "${locks[@]}" >/dev/null 2>&1; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "[apt-get] an apt/dpkg lock is still held after ${wait_s} s; trying anyway" >&2
      break
    fi
    [ "$told" = 1 ] || echo "[apt-get] another apt/dpkg process holds its lock; waiting up to ${wait_s} s" >&2
    told=1
    sleep 3
  done
fi

as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout="$wait_s" "$@"
