#!/usr/bin/env bash
# The loopback kernel floor under the SSE fan-out (bench/sse/WriteFloor.java): a bare Java NIO writer
# on CPU 0 writing 5 KB frames to N sockets, a bare reader on CPU 1; prints the writer thread's CPU µs
# per frame (kernel part) for one frame per write and for several frames per write (gathering write).
# Usage: bench/sse/floor.sh [sockets (5000)] [frames (500000)] [per-write list (1,2,4)]   loopback only.
set -euo pipefail
cd "$(dirname "$0")"
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
