#!/usr/bin/env bash
# Makes a fresh Debian machine ready for the Docker tests (deploy/src/test/.../ComposeStackTest):
#   1. installs docker.io, docker-compose (v1.29) and debootstrap when missing,
#   2. starts dockerd in the background when no engine answers, and waits for it,
#   3. builds the local JRE base image once (deploy/docker/build-base-image.sh skips an existing one).
# Idempotent and quick on a machine that has all of it. Called by .ci/run before ./mvnw verify.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log() { echo "[docker-setup] $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
start=$(date +%s)

missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v docker-compose >/dev/null || missing+=(docker-compose)
command -v debootstrap >/dev/null || missing+=(debootstrap)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  # apt-get.sh waits (bounded) for another apt/dpkg holding the lock instead of failing at once.
  "$here/apt-get.sh" update -qq
  "$here/apt-get.sh" install -y -qq "${missing[@]}" >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  log "starting dockerd (log: /tmp/dockerd.log)"
  # A daemon killed with the previous session leaves pid files behind that can stop a new one.
  for pidfile in /var/run/docker.pid /var/run/docker/containerd/containerd.pid; do
    pid="$(cat "$pidfile" 2>/dev/null || true)"
    if [ -n "$pid" ] && ! grep -qs '^State:[[:space:]]*[RSD]' "/proc/$pid/status"; then
      as_root rm -f "$pidfile"
    fi
  done
  # No init system to rely on in CI containers/VMs: run the daemon directly, detached.
  as_root sh -c 'nohup dockerd >/tmp/dockerd.log 2>&1 &'
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  if ! docker info >/dev/null 2>&1; then
    log "dockerd did not come up; last lines of /tmp/dockerd.log:"
    tail -n 30 /tmp/dockerd.log >&2 || true
    exit 1
  fi
fi
log "docker engine $(docker version --format '{{.Server.Version}}' 2>/dev/null), $(docker-compose version --short 2>/dev/null || echo '?') compose"

as_root "$here/../docker/build-base-image.sh"
log "ready in $(( $(date +%s) - start )) s"
