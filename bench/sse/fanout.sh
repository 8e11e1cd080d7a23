#!/usr/bin/env bash
# Issue 15's fan-out matrix: the api-service on one core to itself (CPU 0), broker + producer + load
# client on the other (CPU 1); a fresh api-service per point, loopback only.
# Each point: connect, publish for SECONDS (20), drain at most 10 s more — under 40 s after connect.
# Usage: bench/sse/fanout.sh [steps]   (steps as bench/sse/run.sh; default the issue's matrix)
# 20,000 subscribers need ~20,050 open files in the server: with `ulimit -Hn` at 20,000 the last
# point is 19,500; on a machine allowing more, pass e.g. 20000:1:20.
set -euo pipefail
S=${SECONDS_PER_POINT:-20}
LIMIT=$(ulimit -Hn)
BIG=20000
if [ "$LIMIT" != unlimited ] && [ "$LIMIT" -lt 20100 ]; then BIG=$((LIMIT - 500)); fi
exec "$(dirname "$0")/run.sh" --pin "${1:-1000:10:$S,2500:10:$S,5000:10:$S,10000:10:$S,$BIG:1:$S}"
