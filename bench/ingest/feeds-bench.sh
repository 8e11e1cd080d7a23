#!/usr/bin/env bash
# Feeds benchmark (issue 13): 1,000 feeds polled by one packaged ingest-service from local servers.
#   bench/ingest/feeds-bench.sh     (from the repository root; loopback only; about 3-5 minutes)
# Env: BENCH_FEEDS (1000) BENCH_HOSTS (10: python http.servers on 127.0.0.1..127.0.0.N)
#      BENCH_INTERVAL (30 s per feed) BENCH_STEADY (60 s measured after the first round)
#      BENCH_HTTP_PORT (28481) BENCH_KAFKA_PORT (28492) BENCH_FEED_PORT (28500) BENCH_BUILD=1 rebuilds the jars.
# Feeds are generated into bench-data/feeds (git-ignored): 10 items each, 2-4 KB of text per item.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=$ROOT/bench-data/feeds
HTTP_PORT=${BENCH_HTTP_PORT:-28481}
KAFKA_PORT=${BENCH_KAFKA_PORT:-28492}
FEED_PORT=${BENCH_FEED_PORT:-28500}
FEEDS=${BENCH_FEEDS:-1000}
HOSTS=${BENCH_HOSTS:-10}
INTERVAL=${BENCH_INTERVAL:-30}
STEADY=${BENCH_STEADY:-60}
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK/kafka"
}
trap cleanup EXIT

RUNNER=$(ls kafka-local/target/kafka-local-*-runner.jar 2>/dev/null | head -1 || true)
APP=ingest-service/target/quarkus-app/quarkus-run.jar
if [ "${BENCH_BUILD:-0}" = 1 ] || [ -z "$RUNNER" ] || [ ! -f "$APP" ]; then
  ./mvnw -B -q -o -pl kafka-local,ingest-service -am package -DskipTests
  RUNNER=$(ls kafka-local/target/kafka-local-*-runner.jar | head -1)
fi
rm -rf "$WORK" && mkdir -p "$WORK"
python3 bench/ingest/feeds_bench.py generate "$WORK" "$FEEDS" "$HOSTS" "$FEED_PORT"

wait_for() { # what, seconds, command...
  local what=$1 limit=$2; shift 2
  for _ in $(seq 1 $((limit * 2))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "$what not ready within ${limit}s" >&2; exit 1
}

java -Xmx1g -jar "$RUNNER" --port "$KAFKA_PORT" --controller-port $((KAFKA_PORT + 1)) --data-dir "$WORK/kafka" \
  > "$WORK/kafka.log" 2>&1 &
PIDS+=($!)
for k in $(seq 1 "$HOSTS"); do
  (cd "$WORK/www/h$k" && exec python3 -m http.server "$FEED_PORT" --bind "127.0.0.$k") > "$WORK/http-$k.log" 2>&1 &
  PIDS+=($!)
done
wait_for "kafka-local" 90 grep -q "kafka-local ready" "$WORK/kafka.log"

# Same heap as ./newswire up; every feed on loopback, so the allow-list names 127.0.0.0/8; no gap
# between requests to one host (10 hosts, each still one request at a time).
java -Xmx384m -Dquarkus.http.port="$HTTP_PORT" -Dquarkus.http.host=127.0.0.1 \
  -Dkafka.bootstrap.servers="127.0.0.1:$KAFKA_PORT" -Dquarkus.log.level=WARN \
  -Dnewswire.ingest.feeds.allow-hosts=127.0.0.0/8 -Dnewswire.ingest.feeds.host-gap=0s \
  -Dnewswire.ingest.feeds.min-interval=1s -Dnewswire.ingest.feeds.default-interval="${INTERVAL}s" \
  -jar "$APP" > "$WORK/ingest.log" 2>&1 &
SERVICE=$!
PIDS+=($SERVICE)
wait_for "ingest-service" 90 curl -fsS "http://127.0.0.1:$HTTP_PORT/q/health/ready"

echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
python3 bench/ingest/feeds_bench.py measure "$WORK" "$SERVICE" "http://127.0.0.1:$HTTP_PORT" "$FEEDS" "$STEADY"
echo "# done $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
