#!/usr/bin/env bash
# SSE fan-out benchmark of the api-service on ONE instance, loopback only, bounded in time.
# Starts a private kafka-local broker and the api-service (ports below, override with env), then runs
# SseLoad.java with the steps given (subscribers:articles-per-second:seconds).
# Usage: bench/sse/run.sh [--pin] [steps]     default steps: 1000:10:30,10000:10:30,19000:1:30
#   --pin  the api-service JVM (and its Kafka reader, which lives in it) on CPU 0 (taskset -c 0),
#          broker + producer + load client on CPU 1, so the server has one core to itself and the
#          client's CPU is measured apart; bench/sse/fanout.sh runs the issue-15 matrix this way.
# Env: SERVER_HEAP (3g), HTTP_PORT/KAFKA_PORT, CLIENT_THREADS (1 selector thread), WARM_UP (10 s at the
#      step's rate, not measured; WARM_UP_RATE=2 with WARM_UP=5 is the warm-up before 2026-12-02),
#      SERVER_GC (-XX:+UseG1GC),
#      SERVER_OPTS (extra JVM options of the api-service after its options file, as ./newswire up starts
#      it; e.g. -XX:StartFlightRecording=filename=x.jfr, or -XX:CompileThresholdScaling=1 for the JVM's default),
#      SERVER_CPU / CLIENT_CPU (CPU lists for --pin; 0 and 1), BUILD=skip (reuse the last build),
#      APP (a quarkus-app directory to run instead of this tree's build: before/after in one window),
#      SSE_CLIENT (another SseLoad.java, e.g. an older one, to compare the clients' CPU per event).
# Output: a Markdown table on stdout (and in bench/sse/.work/result.md); per step, the latency of the
#         events sent in each second of publishing in bench/sse/.work/seconds-N.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=$ROOT/bench/sse/.work
SERVER_PIN=()
CLIENT_PIN=()
if [ "${1:-}" = --pin ]; then
  shift
  command -v taskset >/dev/null || { echo "--pin needs taskset (util-linux)" >&2; exit 1; }
  [ "$(nproc --all)" -ge 2 ] || { echo "--pin needs 2 cores" >&2; exit 1; }
  SERVER_PIN=(taskset -c "${SERVER_CPU:-0}")
  CLIENT_PIN=(taskset -c "${CLIENT_CPU:-1}")
fi
STEPS=${1:-1000:10:30,10000:10:30,19000:1:30}
SERVER_HEAP=${SERVER_HEAP:-3g}
HTTP_PORT=${HTTP_PORT:-18617}
KAFKA_PORT=${KAFKA_PORT:-18618}
for p in "$HTTP_PORT" "$KAFKA_PORT" $((KAFKA_PORT + 1)); do
  if (exec 3<>/dev/tcp/127.0.0.1/"$p") 2>/dev/null; then echo "port $p is in use; set HTTP_PORT/KAFKA_PORT" >&2; exit 1; fi
done
mkdir -p "$WORK"
rm -rf "$WORK/kafka"

# Each subscriber is one socket in the server and one in the client: raise the fd limit as far as allowed.
ulimit -n "$(ulimit -Hn)" || true
echo "# open-files limit: $(ulimit -n) (server subscribers are capped just below it)" >&2

# package, never install: the shared ~/.m2 must not change. BUILD=skip reuses what an earlier run built.
if [ "${BUILD:-}" != skip ] || [ ! -f "$WORK/kafka.cp" ]; then
  ./mvnw -B -q -o -pl api-service -am package -DskipTests >&2
  # -am: news-model is compiled in the same run (it writes the file first; kafka-local, built last, overwrites it).
  ./mvnw -B -q -o -pl kafka-local -am compile dependency:build-classpath -Dmdep.outputFile="$WORK/kafka.cp" >&2
fi
KAFKA_CP="$ROOT/kafka-local/target/classes:$(cat "$WORK/kafka.cp")"
APP=${APP:-$ROOT/api-service/target/quarkus-app}   # APP=dir: another build, e.g. a copy of the baseline

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

"${CLIENT_PIN[@]}" java -Xmx1g -cp "$KAFKA_CP" dev.newswire.kafka.KafkaLocalMain --port "$KAFKA_PORT" --controller-port $((KAFKA_PORT + 1)) \
  --data-dir "$WORK/kafka" --partitions 3 > "$WORK/kafka.log" 2>&1 &
BROKER=$!
PIDS+=($BROKER)
for _ in $(seq 1 120); do grep -q "kafka-local ready" "$WORK/kafka.log" && break; sleep 1; done
grep -q "kafka-local ready" "$WORK/kafka.log" || { echo "kafka did not start" >&2; exit 1; }

# The client's scanner against a known stream cut at random read boundaries: a wrong count stops here.
java -cp "$APP/lib/main/*" "$ROOT/bench/sse/SseLoad.java" --self-test 2>/dev/null | tee "$WORK/self-test.txt" >&2

echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1); server heap max $SERVER_HEAP; a fresh api-service per step; ${SERVER_PIN[*]:-not pinned}${CLIENT_PIN[*]:+ (server), ${CLIENT_PIN[*]} (broker + client)}" | tee "$WORK/result.md"
FIRST=1
for STEP in ${STEPS//,/ }; do
  "${SERVER_PIN[@]}" java -Xmx"$SERVER_HEAP" ${SERVER_GC:--XX:+UseG1GC} "@$ROOT/api-service/src/main/jvm/api.jvmargs" ${SERVER_OPTS:-} -Dquarkus.http.port="$HTTP_PORT" -Dquarkus.http.host=0.0.0.0 \
    -Dkafka.bootstrap.servers=127.0.0.1:"$KAFKA_PORT" -Dquarkus.log.level=WARN \
    -jar "$APP/quarkus-run.jar" > "$WORK/api.log" 2>&1 &
  SERVER=$!
  PIDS+=($SERVER)
  for _ in $(seq 1 120); do curl -fs "localhost:$HTTP_PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
  curl -fs "localhost:$HTTP_PORT/q/health/ready" >/dev/null || { echo "api-service not ready" >&2; exit 1; }
  timeout 900 "${CLIENT_PIN[@]}" java -Xmx1g -XX:+UseSerialGC -Dsse.work="$WORK" -cp "$APP/lib/main/*" "${SSE_CLIENT:-$ROOT/bench/sse/SseLoad.java}" \
    --port "$HTTP_PORT" --bootstrap 127.0.0.1:"$KAFKA_PORT" --server-pid "$SERVER" --broker-pid "$BROKER" \
    --threads "${CLIENT_THREADS:-1}" --warm-up "${WARM_UP:-10}" --warm-up-rate "${WARM_UP_RATE:-0}" --steps "$STEP" \
    | { if [ $FIRST = 1 ]; then cat; else grep '^| [0-9]'; fi; } | tee -a "$WORK/result.md"
  FIRST=0
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
done
