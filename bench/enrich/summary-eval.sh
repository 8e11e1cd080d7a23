#!/usr/bin/env bash
# Summary quality vs Lead-3 (ROUGE F1) on the public "BBC News Summary" set, TEST half.
# Usage: bench/enrich/summary-eval.sh ["/work/data/bbc-summary/BBC News Summary"] [--fit]
#   --fit  grid-search the Summarizer weights on the DEV half first (then copy them into Summarizer.Weights.DEFAULT).
set -euo pipefail
cd "$(dirname "$0")/../.."
# One reactor run with -am, so the sibling modules resolve on a fresh clone too.
./mvnw -B -q -o -pl enrich-service -am test-compile dependency:build-classpath -Dmdep.outputFile=target/eval.cp -Dmdep.includeScope=test
cd enrich-service
java -cp "target/classes:target/test-classes:$(cat target/eval.cp)" dev.newswire.enrich.bench.SummaryEval "$@" 2>&1 | grep -v -E "^WARN|LogManager|JBossLoggerFinder"
