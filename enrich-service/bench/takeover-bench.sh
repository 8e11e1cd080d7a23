#!/usr/bin/env bash
# Issue 12: how long a kill -9'd enrich-service takes to resume, and how many articles it enriches
# twice. Starts the kafka-local broker and a packaged enrich on loopback ports of their own, feeds
# raw articles at BENCH_RATE/s, kills enrich with SIGKILL once it is busy, restarts it at once, and
# reports: restart -> first enriched article, the restarted JVM's start and model-load times, and
# the number of articles enriched more than once. Cleans up every process it started.
#
#   ./mvnw -B -o -q package -DskipTests -pl kafka-local,enrich-service -am
#   enrich-service/bench/takeover-bench.sh [ENRICH_JAR] [INSTANCE_ID|""]
# INSTANCE_ID (default enrich-bench) is passed as NEWSWIRE_INSTANCE_ID: static membership; "" = none.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
KJAR=$(ls "$ROOT"/kafka-local/target/kafka-local-*-runner.jar | head -1)
EJAR=${1:-$ROOT/enrich-service/target/quarkus-app/quarkus-run.jar}
ID=${2-enrich-bench}
PORT=${BENCH_KAFKA_PORT:-19392}
HTTP=${BENCH_HTTP_PORT:-18382}
RATE=${BENCH_RATE:-15}
SECS=${BENCH_SECONDS:-100}
COUNT=$((RATE * SECS))
WORK=$(mktemp -d /tmp/takeover.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
now() { date +%s%3N; }
wait_for() { local t0=$SECONDS; until eval "$1"; do (( SECONDS - t0 > $2 )) && { echo "timeout: $1"; exit 1; }; sleep 0.2; done; }

java -Xmx512m -jar "$KJAR" --port "$PORT" --controller-port $((PORT + 1)) --data-dir "$WORK/kafka" > "$WORK/kafka.log" 2>&1 &
PIDS+=($!)
wait_for "grep -q 'ready' '$WORK/kafka.log'" 120
start_enrich() {
  NEWSWIRE_INSTANCE_ID=$ID java -Xmx2g -Dquarkus.http.port="$HTTP" -Dquarkus.http.host=127.0.0.1 \
    -Dkafka.bootstrap.servers=127.0.0.1:"$PORT" -jar "$EJAR" > "$WORK/enrich-$1.log" 2>&1 &
  EPID=$!
  PIDS+=($EPID)
}
start_enrich 1
wait_for "curl -sf -o /dev/null http://127.0.0.1:$HTTP/q/health/ready" 300
java -cp "$KJAR" "$ROOT/enrich-service/bench/TakeoverClients.java" watch 127.0.0.1:"$PORT" > "$WORK/enriched.txt" 2>"$WORK/watch.log" &
PIDS+=($!)
java -cp "$KJAR" "$ROOT/enrich-service/bench/TakeoverClients.java" produce 127.0.0.1:"$PORT" "$RATE" "$COUNT" "a$RANDOM" 2>"$WORK/produce.log" &
PIDS+=($!)
# kill once enrich has been busy for a while (a third of the articles enriched)
wait_for "[ \$(wc -l < '$WORK/enriched.txt') -ge $((COUNT / 3)) ]" 600
kill -9 "$EPID"
KILLED=$(now)
start_enrich 2
RESTARTED=$(now)
wait_for "[ \$(awk '{print \$2}' '$WORK/enriched.txt' | sort -u | wc -l) -ge $COUNT ]" 900
FIRST=$(awk -v t="$RESTARTED" '$1 > t {print $1; exit}' "$WORK/enriched.txt")
TOTAL=$(wc -l < "$WORK/enriched.txt")
UNIQUE=$(awk '{print $2}' "$WORK/enriched.txt" | sort -u | wc -l)
echo "instance id:            '${ID}'"
echo "restart -> first enriched article: $(( FIRST - RESTARTED )) ms (kill at $KILLED, restart at $RESTARTED)"
FETCH=$(grep -m1 'Initialize record store' "$WORK/enrich-2.log" | awk '{print $1" "$2}')
echo "restarted consumer:     first raw record fetched at $FETCH (the partitions were its again)"
echo "restarted JVM:          $(grep -o 'started in [0-9.]*s' "$WORK/enrich-2.log" | head -1); $(grep -o 'models loaded in [0-9]* ms' "$WORK/enrich-2.log" | head -1)"
echo "articles:               $COUNT produced, $UNIQUE enriched, $((TOTAL - UNIQUE)) enriched twice"
echo "load:                   $(uptime)"
echo "logs:                   $WORK"
