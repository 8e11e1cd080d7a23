#!/usr/bin/env bash
# Builds the local JRE 17 base image without any container registry:
#   1. debootstrap a minimal Debian bookworm from the Debian mirror apt already uses here,
#   2. `docker import` it as $DEBIAN_BASE_IMAGE,
#   3. build base/Dockerfile on top (openjdk-17-jre-headless + curl) as $JRE_BASE_IMAGE.
# Idempotent: each step is skipped when its image already exists (FORCE=1 rebuilds).
# Needs root (debootstrap) and a running Docker engine.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Image names come from .env so compose and this script agree; the environment wins.
env_value() { # name default
  local v="${!1:-}"
  if [[ -z "$v" && -f "$here/.env" ]]; then
    v="$(sed -n "s/^$1=//p" "$here/.env" | tail -n1)"
  fi
  echo "${v:-$2}"
}
DEBIAN_BASE_IMAGE="$(env_value DEBIAN_BASE_IMAGE newswire/debian-base:bookworm)"
JRE_BASE_IMAGE="$(env_value JRE_BASE_IMAGE newswire/jre17:bookworm)"
SUITE="${DEBIAN_SUITE:-bookworm}"

log() { echo "[build-base-image] $*" >&2; }
image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# The mirror apt uses on this machine (deb822 or one-line format), so no new host is contacted.
debian_mirror() {
  if [[ -n "${DEBIAN_MIRROR:-}" ]]; then echo "$DEBIAN_MIRROR"; return; fi
  local m
  m="$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null \
        | sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\/debian\)\/\{0,1\}$/\1/p' | head -n1 || true)"
  if [[ -z "$m" ]]; then
    m="$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
          | sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\{0,1\}\([^[:space:]]*\/debian\)\/\{0,1\}[[:space:]].*/\2/p' \
          | head -n1 || true)"
  fi
  echo "${m:-http://deb.debian.org/debian}"
}

if [[ "${FORCE:-0}" != 1 ]] && image_exists "$JRE_BASE_IMAGE"; then
  log "$JRE_BASE_IMAGE exists; nothing to do (FORCE=1 rebuilds)"
  exit 0
fi

if [[ "${FORCE:-0}" == 1 ]] || ! image_exists "$DEBIAN_BASE_IMAGE"; then
  command -v debootstrap >/dev/null || { log "debootstrap is missing (apt-get install -y debootstrap)"; exit 1; }
  mirror="$(debian_mirror)"
  rootfs="$(mktemp -d /tmp/newswire-rootfs.XXXXXX)"
  trap 'rm -rf "$rootfs"' EXIT
  log "debootstrap --variant=minbase $SUITE from $mirror"
  debootstrap --variant=minbase "$SUITE" "$rootfs" "$mirror" >&2
  # Keep the image small: no apt lists or package cache in the imported layer.
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/archives/*.deb
  log "docker import -> $DEBIAN_BASE_IMAGE"
  tar -C "$rootfs" -c . | docker import \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'CMD ["/bin/bash"]' - "$DEBIAN_BASE_IMAGE" >/dev/null
  rm -rf "$rootfs"
  trap - EXIT
fi

log "docker build -> $JRE_BASE_IMAGE"
# Legacy builder: the Debian engine has no buildx; host network so apt reaches the mirror even
# where the bridge network has no DNS.
DOCKER_BUILDKIT=0 docker build --network host \
  --build-arg "DEBIAN_BASE_IMAGE=$DEBIAN_BASE_IMAGE" \
  -t "$JRE_BASE_IMAGE" "$here/base" >&2
log "done: $(docker image inspect -f '{{.Size}}' "$JRE_BASE_IMAGE" | awk '{printf "%s %.0f MB", "'"$JRE_BASE_IMAGE"'", $1/1e6}')"
