#!/usr/bin/env bash
# Per-stage cost of enrich-service stages 1-5 (clean, byline, language, sentences, entities) on one
# thread: model load time, CPU and wall ms per article after warm-up. Results:
# docs/benchmarks/enrich-ner.md.
#
# Usage: bench/enrich/ner-stages.sh [dir-of-.txt-articles] [rounds]   (default: seeds/, 30 rounds)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl enrich-service -am install -DskipTests -Dquarkus.build.skip=true
./mvnw -B -q -pl enrich-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/ner-eval.classpath -Dmdep.includeScope=test -Dquarkus.build.skip=true
CP="enrich-service/target/test-classes:enrich-service/target/classes:$(cat enrich-service/target/ner-eval.classpath)"
exec java -Xmx2g -cp "$CP" dev.newswire.enrich.bench.StageTimings "$@"
