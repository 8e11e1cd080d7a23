#!/usr/bin/env bash
# Story clustering quality on ECB+ through the front door (issue 11). From the repository root:
#   bench/stories/run.sh                  tuning topics 1-25 (train 1-22 + dev 23-25: what thresholds were chosen on)
#   bench/stories/run.sh --split dev      dev topics 23-25 only
#   bench/stories/run.sh --split tune35   topics 1-35 (extra = 26-35: also outside TEST; the anchor bonus was chosen on 1-35)
#   bench/stories/run.sh --split test     TEST topics 36-45, reported untouched
#   bench/stories/run.sh --split test --variants plain    one way of posting only (json-title,json-body,plain)
# Starts `./newswire up` on spare ports (API 18280, INGEST 18281, ENRICH 18282, KAFKA 19292; no seed
# replay; a fresh broker under bench-data/stories/run, so no story state of an earlier run) and stops it
# at the end. STORIES_RUNNING=1 uses a stack already answering on API_PORT/INGEST_PORT instead (then
# earlier runs' articles may be near copies of this run's: a fresh stack is what the figures come from).
# Settings reach enrich as usual, e.g. NEWSWIRE_ENRICH_STORIES_THRESHOLD=0.35 bench/stories/run.sh.
# Data: ECB+ in the public GitHub repository shanybar/event_entity_coref_ecb_plus (see stories.py), read
# into bench-data/stories (git-ignored), never committed.
set -euo pipefail
cd "$(dirname "$0")/../.."
export API_PORT=${API_PORT:-18280} INGEST_PORT=${INGEST_PORT:-18281} ENRICH_PORT=${ENRICH_PORT:-18282} KAFKA_PORT=${KAFKA_PORT:-19292}
DATA=bench-data/stories
mkdir -p "$DATA"
[ -f "$DATA/ecbplus.jsonl" ] && [ -f "$DATA/ecbplus-full.jsonl" ] || python3 bench/stories/stories.py prepare

UP_PID=
stop() {
  if [ -n "$UP_PID" ]; then
    kill "$UP_PID" 2>/dev/null || true
    wait "$UP_PID" 2>/dev/null || true
  fi
}
trap stop EXIT
if [ "${STORIES_RUNNING:-0}" != 1 ]; then
  if curl -fsS "http://127.0.0.1:$API_PORT/q/health/ready" >/dev/null 2>&1; then
    echo "something already answers on port $API_PORT: stop it, or set STORIES_RUNNING=1 to use it" >&2
    exit 1
  fi
  rm -rf "$DATA/run"
  NEWSWIRE_RUN_DIR="$DATA/run" NEWSWIRE_DATA_DIR="$DATA/run/data" NEWSWIRE_REPLAY_DIR="" \
    ./newswire up >"$DATA/up.log" 2>&1 &
  UP_PID=$!
  for _ in $(seq 1 600); do
    grep -q "ingest  ready" "$DATA/up.log" 2>/dev/null && grep -q "enrich  ready" "$DATA/up.log" && grep -q "api     ready" "$DATA/up.log" && break
    kill -0 "$UP_PID" 2>/dev/null || { cat "$DATA/up.log"; exit 1; }
    sleep 1
  done
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 bench/stories/stories.py run "$@"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
