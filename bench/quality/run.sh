#!/usr/bin/env bash
# Enrichment quality through the front door (issue 10). From the repository root:
#   bench/quality/run.sh                 DEV splits (what was tuned on) + BBC TEST + baselines
#   bench/quality/run.sh --split test    TEST splits, reported untouched
# Uses a running stack on API_PORT/INGEST_PORT (18180/18181) when one answers, else starts
# `./newswire up` on spare ports (API 18180, INGEST 18181, ENRICH 18182, KAFKA 19192; no seed replay,
# a fresh broker under bench-data/quality/run) and stops it at the end.
# Data: public GitHub repositories (see quality.py), fetched into bench-data/quality (git-ignored), never
# committed. QUALITY_MEASURES=ner,tags,summary selects measures; QUALITY_BASELINES=0 skips the CRF baseline.
set -euo pipefail
cd "$(dirname "$0")/../.."
export API_PORT=${API_PORT:-18180} INGEST_PORT=${INGEST_PORT:-18181} ENRICH_PORT=${ENRICH_PORT:-18182} KAFKA_PORT=${KAFKA_PORT:-19192}
DATA=bench-data/quality
mkdir -p "$DATA"
[ -f "$DATA/cnndm.jsonl" ] || python3 bench/quality/quality.py prepare

UP_PID=
stop() {
  if [ -n "$UP_PID" ]; then
    kill "$UP_PID" 2>/dev/null || true
    wait "$UP_PID" 2>/dev/null || true
  fi
}
trap stop EXIT
if ! curl -fsS "http://127.0.0.1:$API_PORT/q/health/ready" >/dev/null 2>&1; then
  rm -rf "$DATA/run"
  NEWSWIRE_RUN_DIR="$DATA/run" NEWSWIRE_DATA_DIR="$DATA/run/data" NEWSWIRE_REPLAY_DIR="" \
    ./newswire up >"$DATA/up.log" 2>&1 &
  UP_PID=$!
  for _ in $(seq 1 300); do
    grep -q "ingest  ready" "$DATA/up.log" 2>/dev/null && grep -q "enrich  ready" "$DATA/up.log" && grep -q "api     ready" "$DATA/up.log" && break
    kill -0 "$UP_PID" 2>/dev/null || { cat "$DATA/up.log"; exit 1; }
    sleep 1
  done
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 bench/quality/quality.py run "$@"

if [ "${QUALITY_BASELINES:-1}" = 1 ] && [[ ",${QUALITY_MEASURES:-ner}," == *",ner,"* ]]; then
  # Baseline on the same documents: the CoreNLP CRF alone (no Newswire text path), NerEvaluation row A.
  split=${2:-dev}
  file=$DATA/eng.testa; [ "$split" = test ] && file=$DATA/eng.testb
  # One reactor run with -am, so the sibling modules resolve on a fresh clone too.
  ./mvnw -B -q -o -pl enrich-service -am test-compile dependency:build-classpath -Dmdep.outputFile=target/quality.cp -Dmdep.includeScope=test
  CP="enrich-service/target/test-classes:enrich-service/target/classes:$(cat enrich-service/target/quality.cp)"
  echo "BASELINE CRF alone on the same CoNLL file ($file), NerEvaluation:"
  java -Xmx2g -cp "$CP" dev.newswire.enrich.bench.NerEvaluation "$file" | grep -E "^[A-Z]|PER\+ORG\+LOC|all" | head -30
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
