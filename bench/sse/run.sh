#!/usr/bin/env bash
# SSE fan-out benchmark of the api-service on ONE instance, loopback only, bounded in time.
# Starts a private kafka-local broker and the api-service (ports below, override with env), then runs
# SseLoad.java with the steps given (subscribers:articles-per-second:seconds).
# Usage: bench/sse/run.sh [steps]     default: 1000:10:30,10000:10:30,19000:1:30
# Output: a Markdown table on stdout (and in bench/sse/.work/result.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=$ROOT/bench/sse/.work
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

./mvnw -B -q -o -pl api-service -am install -DskipTests >&2
# -am: news-model is compiled in the same run (it writes the file first; kafka-local, built last, overwrites it).
./mvnw -B -q -o -pl kafka-local -am compile dependency:build-classpath -Dmdep.outputFile="$WORK/kafka.cp" >&2
KAFKA_CP="$ROOT/kafka-local/target/classes:$(cat "$WORK/kafka.cp")"
APP="$ROOT/api-service/target/quarkus-app"

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

java -Xmx1g -cp "$KAFKA_CP" dev.newswire.kafka.KafkaLocalMain --port "$KAFKA_PORT" --controller-port $((KAFKA_PORT + 1)) \
  --data-dir "$WORK/kafka" --partitions 3 > "$WORK/kafka.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do grep -q "kafka-local ready" "$WORK/kafka.log" && break; sleep 1; done
grep -q "kafka-local ready" "$WORK/kafka.log" || { echo "kafka did not start" >&2; exit 1; }

echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1); server heap max $SERVER_HEAP; a fresh api-service per step" | tee "$WORK/result.md"
FIRST=1
for STEP in ${STEPS//,/ }; do
  java -Xmx"$SERVER_HEAP" -XX:+UseG1GC -Dquarkus.http.port="$HTTP_PORT" -Dquarkus.http.host=0.0.0.0 \
    -Dkafka.bootstrap.servers=127.0.0.1:"$KAFKA_PORT" -Dquarkus.log.level=WARN \
    -jar "$APP/quarkus-run.jar" > "$WORK/api.log" 2>&1 &
  SERVER=$!
  PIDS+=($SERVER)
  for _ in $(seq 1 120); do curl -fs "localhost:$HTTP_PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
  curl -fs "localhost:$HTTP_PORT/q/health/ready" >/dev/null || { echo "api-service not ready" >&2; exit 1; }
  timeout 900 java -Xmx2g -cp "$APP/lib/main/*" "$ROOT/bench/sse/SseLoad.java" \
    --port "$HTTP_PORT" --bootstrap 127.0.0.1:"$KAFKA_PORT" --server-pid "$SERVER" --steps "$STEP" \
    | { if [ $FIRST = 1 ]; then cat; else grep '^| [0-9]'; fi; } | tee -a "$WORK/result.md"
  FIRST=0
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
done
