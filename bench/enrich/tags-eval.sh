#!/usr/bin/env bash
# Tag quality: agreement of our top tag with editors' section labels, BBC News corpus, TEST split.
# Usage: bench/enrich/tags-eval.sh [/work/data/bbc-text.csv] [--learn]
#   --learn  recompute tag-centroids.tsv from the TRAIN split first (then rebuild the service).
# The corpus (CSV: category,text) is public; copy it under /work/data, never into the repo.
set -euo pipefail
cd "$(dirname "$0")/../.."
# One reactor run with -am, so the sibling modules resolve on a fresh clone too.
./mvnw -B -q -o -pl enrich-service -am test-compile dependency:build-classpath -Dmdep.outputFile=target/eval.cp -Dmdep.includeScope=test
cd enrich-service
java -cp "target/classes:target/test-classes:$(cat target/eval.cp)" dev.newswire.enrich.bench.TagEval "$@" 2>&1 | grep -v -E "^WARN|LogManager|JBossLoggerFinder"
