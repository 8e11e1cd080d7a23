#!/usr/bin/env bash
# Hostile-size requests against the packaged ingest-service at -Xmx384m (as ./newswire up runs it):
# does it stay up and answer each within its documented limits? Loopback only, bounded (~2 minutes).
#   bench/ingest/hostile.sh                 (from the repository root)
# Env: BENCH_APP (ingest-service/target/quarkus-app/quarkus-run.jar) BENCH_HEAP (384m)
#      BENCH_HTTP_PORT (18181) BENCH_KAFKA_PORT (18192) BENCH_BUILD=1 to rebuild the jars first.
# Prints one line per probe: HTTP status counts, wall time, the service's RSS and peak RSS
# (VmRSS/VmHWM), its live threads, whether it is still alive, and the load average beside it.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=${BENCH_WORK:-$ROOT/bench-data/hostile}
HTTP_PORT=${BENCH_HTTP_PORT:-18181}
KAFKA_PORT=${BENCH_KAFKA_PORT:-18192}
HEAP=${BENCH_HEAP:-384m}
APP=${BENCH_APP:-ingest-service/target/quarkus-app/quarkus-run.jar}
URL=http://127.0.0.1:$HTTP_PORT/api/articles
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK/kafka"
}
trap cleanup EXIT
mkdir -p "$WORK"

RUNNER=$(ls kafka-local/target/kafka-local-*-runner.jar 2>/dev/null | head -1 || true)
if [ "${BENCH_BUILD:-0}" = 1 ] || [ -z "$RUNNER" ] || [ ! -f "$APP" ]; then
  ./mvnw -B -q -o -pl kafka-local,ingest-service -am package -DskipTests
  RUNNER=$(ls kafka-local/target/kafka-local-*-runner.jar | head -1)
fi

wait_for() { # what, seconds, command...
  local what=$1 limit=$2; shift 2
  for _ in $(seq 1 $((limit * 2))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "$what not ready within ${limit}s" >&2; exit 1
}

# Inputs, made once: 16 MiB of "{}" lines (5.6 M lines), 30 MiB of text, 100,000 identical lines,
# a 15 MiB batch of 10,000 valid articles.
[ -f "$WORK/braces.ndjson" ] || python3 -c "import sys; sys.stdout.write('{}\n' * (16 * 1024 * 1024 // 3))" > "$WORK/braces.ndjson"
[ -f "$WORK/30m.txt" ] || python3 -c "import sys; sys.stdout.write(('word ' * 200 + '\n') * (30 * 1024 * 1024 // 1001))" > "$WORK/30m.txt"
[ -f "$WORK/same10k.ndjson" ] || python3 -c "import sys; sys.stdout.write('{\"body\": \"the same article, 10k\"}\n' * 10000)" > "$WORK/same10k.ndjson"
[ -f "$WORK/same.ndjson" ] || python3 -c "import sys; sys.stdout.write('{\"body\": \"the same article\"}\n' * 100000)" > "$WORK/same.ndjson"
python3 -c "
import sys, json, uuid
run = str(uuid.uuid4())
for i in range(10000):
    sys.stdout.write(json.dumps({'body': ('article %d of run %s. ' % (i, run)) + 'x' * 1500}) + '\n')" > "$WORK/valid.ndjson"

# Never probe someone else's service: both ports must be free before anything starts.
for port in "$HTTP_PORT" "$KAFKA_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use; set BENCH_HTTP_PORT/BENCH_KAFKA_PORT" >&2; exit 1; fi
done
rm -rf "$WORK/kafka"
java -Xmx1g -jar "$RUNNER" --port "$KAFKA_PORT" --controller-port $((KAFKA_PORT + 1)) --data-dir "$WORK/kafka" \
  > "$WORK/kafka.log" 2>&1 &
PIDS+=($!)
wait_for "kafka-local" 90 grep -q "kafka-local ready" "$WORK/kafka.log"

java -Xmx"$HEAP" -XX:+ExitOnOutOfMemoryError -Dvertx.disableURIValidation=true -Dquarkus.http.port="$HTTP_PORT" -Dquarkus.http.host=127.0.0.1 \
  -Dkafka.bootstrap.servers="127.0.0.1:$KAFKA_PORT" -jar "$APP" > "$WORK/ingest.log" 2>&1 &
SERVICE=$!
PIDS+=($SERVICE)
wait_for "ingest-service" 90 curl -fsS "http://127.0.0.1:$HTTP_PORT/q/health/ready"
kill -0 "$SERVICE" 2>/dev/null || { echo "ingest-service exited at start-up; see $WORK/ingest.log" >&2; exit 1; }

proc() { grep "^$1:" "/proc/$SERVICE/status" 2>/dev/null | awk '{print $2}'; }
report() { # name, started-ns, statuses-file
  local took=$(( ($(date +%s%N) - $2) / 1000000 ))
  local alive=yes; kill -0 "$SERVICE" 2>/dev/null || alive=NO
  printf '%-34s %-28s %6d ms  rss %4s MiB  peak %4s MiB  threads %4s  alive %-3s  load %s\n' "$1" \
    "$(sort "$3" | uniq -c | awk '{printf "%sx%s ", $1, $2}')" "$took" \
    "$(( $(proc VmRSS || echo 0) / 1024 ))" "$(( $(proc VmHWM || echo 0) / 1024 ))" "$(proc Threads || echo -)" \
    "$alive" "$(cut -d' ' -f1-3 /proc/loadavg)"
}
post() { # content-type, file, extra curl args...; prints the status
  local type=$1 file=$2; shift 2
  curl -s -o /dev/null -w '%{http_code}\n' --max-time 120 -H "Content-Type: $type" "$@" --data-binary "@$file" "$URL" || echo "000"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, -Xmx$HEAP, $APP, $(java -version 2>&1 | head -1)"
t=$(date +%s%N); post application/x-ndjson "$WORK/braces.ndjson" > "$WORK/s1"; report "16 MiB of {} lines (5.6 M)" "$t" "$WORK/s1"
parallel() { # output-file, post arguments...: 16 posts at once, waits for those 16 only
  local file=$1; shift; local posts=()
  for i in $(seq 16); do post "$@" > "$file.$i" & posts+=($!); done
  for p in "${posts[@]}"; do wait "$p" || true; done
  cat "$file".* > "$file"; rm -f "$file".*
}
t=$(date +%s%N); parallel "$WORK/s2" text/plain "$WORK/30m.txt"; report "16 x 30 MiB text/plain parallel" "$t" "$WORK/s2"
t=$(date +%s%N); parallel "$WORK/s3" text/plain "$WORK/30m.txt" -H "Transfer-Encoding: chunked"
report "16 x 30 MiB chunked parallel" "$t" "$WORK/s3"
t=$(date +%s%N); post application/x-ndjson "$WORK/same.ndjson" > "$WORK/s4"; report "100,000 identical lines" "$t" "$WORK/s4"
t=$(date +%s%N); post application/x-ndjson "$WORK/same10k.ndjson" > "$WORK/s4b"; report "10,000 identical lines" "$t" "$WORK/s4b"
t=$(date +%s%N); parallel "$WORK/s5" application/x-ndjson "$WORK/valid.ndjson"; report "16 x 15 MiB valid batches parallel" "$t" "$WORK/s5"
t=$(date +%s%N); curl -s -o /dev/null -w '%{http_code}\n' -H 'Content-Type: text/plain' -d "still alive $RANDOM" "$URL" > "$WORK/s6" || echo 000 > "$WORK/s6"
report "a small article afterwards" "$t" "$WORK/s6"
printf '%%zz path %s, 5000-char URL %s, 30K header %s\n' "$(curl -s -o /dev/null -w '%{http_code} %{content_type}' --path-as-is "http://127.0.0.1:$HTTP_PORT/api/%zz")" \
  "$(curl -s -o /dev/null -w '%{http_code} %{content_type}' "$URL?x=$(head -c 5000 /dev/zero | tr '\0' a)")" \
  "$(curl -s -o /dev/null -w '%{http_code} %{content_type}' -H "X-Big: $(head -c 30000 /dev/zero | tr '\0' b)" "$URL")"
printf 'swagger-ui %s, openapi %s (prod profile)\n' "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/q/swagger-ui/")" \
  "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/q/openapi")"
{ grep -c "OutOfMemoryError" "$WORK/ingest.log" || true; } | sed 's/^/OutOfMemoryError lines in the service log: /'
