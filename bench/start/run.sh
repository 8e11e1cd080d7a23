#!/usr/bin/env bash
# Start time and idle footprint of `./newswire up` (issue 15 "Start and footprint"), loopback only.
# Runs `./newswire up` ROUNDS times (3) on a warm build with its own ports and run dir (so it never
# meets another stack), with no seed replay, and per round records: each service's time from its
# process start to /q/health/ready = 200 (the broker: to its "kafka-local ready" line), the time
# until all are ready, the CPU seconds each had used when it became ready (polled every 0.2 s; far
# less sensitive to other load than wall time), and each process's RSS after IDLE seconds (20)
# idle; then `./newswire down`.
# The first round starts on an empty data dir (the broker creates the topics), the later ones on the
# data the first left behind: a restart.
# Env: ROUNDS (3), IDLE (20), BASE_PORT (23080: api, +1 ingest, +2 enrich; broker BASE_PORT+1012; below
#      Linux's ephemeral range 32768-60999, where another process's client socket can hold the port),
#      EXTRA_ENV (e.g. "NEWSWIRE_CDS=off": the start without class-data sharing archives) passed to ./newswire up,
#      BUILD=skip (do not rebuild the jars first), LAUNCHER (./newswire; e.g. an older copy in the repository root, to measure the before).
# Output: a Markdown table on stdout (and bench/start/.work/result.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=$ROOT/bench/start/.work
ROUNDS=${ROUNDS:-3}
IDLE=${IDLE:-20}
BASE=${BASE_PORT:-23080}
export API_PORT=$BASE INGEST_PORT=$((BASE + 1)) ENRICH_PORT=$((BASE + 2)) KAFKA_PORT=$((BASE + 1012))
export NEWSWIRE_RUN_DIR=$WORK/run NEWSWIRE_DATA_DIR=$WORK/run/data NEWSWIRE_REPLAY_DIR=
rm -rf "$WORK"
mkdir -p "$WORK"
# The warm build: built here (BUILD=skip: use the jars as they are), not timed. `build` also writes
# the class-data sharing archives (a rehearsal start, timed on its own line below); with BUILD=skip
# and stale archives, round 1's `up` writes them before it starts anything (not in its times either).
if [ "${BUILD:-}" != skip ]; then
  ./newswire build >"$WORK/build.out" 2>&1 || { cat "$WORK/build.out" >&2; exit 1; }
  grep 'class-data sharing' "$WORK/build.out" >&2 || true
fi
env_extra=()
[ -n "${EXTRA_ENV:-}" ] && read -r -a env_extra <<<"$EXTRA_ENV"

port_of() { case $1 in api) echo "$API_PORT" ;; ingest) echo "$INGEST_PORT" ;; enrich) echo "$ENRICH_PORT" ;; esac; }

rss_mib() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }

echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1); ${EXTRA_ENV:-default settings}" | tee "$WORK/result.md"
echo "| round | data dir | kafka s | ingest s | enrich s | api s | all ready s | CPU s to ready kafka / ingest / enrich / api | RSS kafka MiB | RSS ingest MiB | RSS enrich MiB | RSS api MiB | load avg |" | tee -a "$WORK/result.md"
echo "|---:|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|" | tee -a "$WORK/result.md"
for round in $(seq 1 "$ROUNDS"); do
  out=$WORK/up-$round.out
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  [ -d "$NEWSWIRE_DATA_DIR/kafka" ] && data=restart || data=empty
  env NEWSWIRE_BUILD=skip "${env_extra[@]+"${env_extra[@]}"}" setsid "${LAUNCHER:-./newswire}" up >"$out" 2>&1 &
  up=$!
  # CPU seconds each process used until it was ready: unlike wall time, barely moved by other load.
  declare -A cpu=()
  for _ in $(seq 1 900); do
    for name in kafka ingest enrich api; do
      [ -n "${cpu[$name]:-}" ] && continue
      pid=$(cat "$NEWSWIRE_RUN_DIR/pids/$name.pid" 2>/dev/null) || continue
      if [ $name = kafka ]; then
        grep -q 'kafka-local ready' "$NEWSWIRE_RUN_DIR/logs/kafka.log" 2>/dev/null || continue
      else
        [ "$(curl -s -o /dev/null -w '%{http_code}' "127.0.0.1:$(port_of $name)/q/health/ready")" = 200 ] || continue
      fi
      cpu[$name]=$(awk '{ printf "%.1f", ($14 + $15) / 100 }' "/proc/$pid/stat")
    done
    grep -q "Newswire is up" "$out" && [ ${#cpu[@]} = 4 ] && break
    kill -0 $up 2>/dev/null || break
    sleep 0.2
  done
  grep -q "Newswire is up" "$out" || { cat "$out" >&2; ./newswire down >/dev/null || true; exit 1; }
  sleep "$IDLE"
  declare -A rss=() took=()
  for name in kafka ingest enrich api; do
    rss[$name]=$(rss_mib "$(cat "$NEWSWIRE_RUN_DIR/pids/$name.pid")")
    took[$name]=$(sed -n "s/.*$name *ready .*(\([0-9.]*\) s after its process started).*/\1/p" "$out" | head -1)
  done
  all=$(sed -n 's/.*all ready after \([0-9.]*\) s.*/\1/p' "$out" | head -1)
  # A launcher without that line: the last service's "ready ... after N s".
  [ -n "$all" ] || all=$(sed -n 's/.* ready on http.* after \([0-9.]*\) s.*/\1/p' "$out" | sort -n | tail -1)
  "${LAUNCHER:-./newswire}" down >/dev/null
  wait $up 2>/dev/null || true
  grep -h 'class-data sharing: archives written' "$out" | sed 's/^/# rehearsal before this round: /' >&2 || true
  echo "| $round | $data | ${took[kafka]} | ${took[ingest]} | ${took[enrich]} | ${took[api]} | $all | ${cpu[kafka]:-?} / ${cpu[ingest]:-?} / ${cpu[enrich]:-?} / ${cpu[api]:-?} | ${rss[kafka]} | ${rss[ingest]} | ${rss[enrich]} | ${rss[api]} | $load |" | tee -a "$WORK/result.md"
done
