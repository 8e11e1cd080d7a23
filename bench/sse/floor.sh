#!/usr/bin/env bash
# The loopback kernel floor under the SSE fan-out (bench/sse/WriteFloor.java): a bare Java NIO writer
# on CPU 0 writing 5 KB frames to N sockets, a bare reader on CPU 1; prints the writer thread's CPU µs
# per frame (kernel part) for one frame per write and for several frames per write (gathering write).
# Usage: bench/sse/floor.sh [sockets (5000)] [frames (500000)] [per-write list (1,2,4)]   loopback only.
#        bench/sse/floor.sh --netty [sockets] [frames]   the same through one Netty event loop, NIO then
#        native epoll (NettyFloor.java: what stream/DirectChannel does per event, without HTTP); needs
#        the api-service built (its lib/ has both transports; APP=quarkus-app dir to use another build).
set -euo pipefail
cd "$(dirname "$0")"
if [ "${1:-}" = --netty ]; then
  shift
  N=${1:-5000}
  FRAMES=${2:-500000}
  PORT=${FLOOR_PORT:-18620}
  CP="${APP:-../../api-service/target/quarkus-app}/lib/main/*"
  ulimit -n "$(ulimit -Hn)" || true
  echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); Netty writer (one event loop) on CPU 0, bare NIO reader on CPU 1"
  echo "| transport | sockets | frame | frames | frames/s | event loop CPU µs/frame (kernel) | writer CPU share | load avg |"
  echo "|---|---:|---:|---:|---:|---|---:|---|"
  for T in ${TRANSPORTS:-nio epoll}; do
    LOG=$(mktemp)
    taskset -c 0 java -Xmx512m -cp "$CP" NettyFloor.java --transport "$T" --port "$PORT" --sockets "$N" --frames "$FRAMES" > "$LOG" 2>&1 &
    W=$!
    for _ in $(seq 1 60); do grep -q waiting "$LOG" && break; sleep 0.5; done
    taskset -c 1 java -Xmx256m WriteFloor.java read --port "$PORT" --sockets "$N" > /dev/null 2>&1 &
    R=$!
    wait "$W" || { cat "$LOG" >&2; exit 1; }
    wait "$R" || true
    grep '^|' "$LOG"
    rm -f "$LOG"
  done
  exit 0
fi
N=${1:-5000}
FRAMES=${2:-500000}
PORT=${FLOOR_PORT:-18620}
ulimit -n "$(ulimit -Hn)" || true
echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); writer on CPU 0, reader on CPU 1"
echo "| sockets | frame | frames per write | TCP_NODELAY | frames | write calls | frames/s | writer CPU µs/frame (kernel) | writer CPU share | load avg |"
echo "|---:|---:|---:|:---:|---:|---:|---:|---|---:|---|"
STEPS=${3:-1,2,4}
for PER in ${STEPS//,/ }; do
  for NODELAY in ${NODELAY_LIST:-true}; do
    LOG=$(mktemp)
    taskset -c 0 java -Xmx256m WriteFloor.java write --port "$PORT" --sockets "$N" --frames "$FRAMES" --per-write "$PER" --nodelay "$NODELAY" > "$LOG" 2>&1 &
    W=$!
    for _ in $(seq 1 60); do grep -q waiting "$LOG" && break; sleep 0.5; done
    taskset -c 1 java -Xmx256m WriteFloor.java read --port "$PORT" --sockets "$N" > /dev/null 2>&1 &
    R=$!
    wait "$W"; wait "$R" || true
    grep '^|' "$LOG"
    rm -f "$LOG"
  done
done
