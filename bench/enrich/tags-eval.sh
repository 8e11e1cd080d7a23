#!/usr/bin/env bash
# Tag quality: agreement of our top tag with editors' section labels, BBC News corpus, TEST split.
# Usage: bench/enrich/tags-eval.sh [/work/data/bbc-text.csv] [--learn]
#   --learn  recompute tag-centroids.tsv from the TRAIN split first (then rebuild the service): one centroid
#            per tag, as the first passes shipped. The shipped resources (3 prototypes per tag and the
#            TopicLayer, tag-layer.tsv) are written by `TagDev fit` instead (docs/benchmarks/quality.md).
# The corpus (CSV: category,text) is public; copy it under /work/data, never into the repo.
set -euo pipefail
cd "$(dirname "$0")/../.."
# One reactor run with -am, so the sibling modules resolve on a fresh clone too.
./mvnw -B -q -o -pl enrich-service -am test-compile dependency:build-classpath -Dmdep.outputFile=target/eval.cp -Dmdep.includeScope=test
cd enrich-service
java -cp "target/classes:target/test-classes:$(cat target/eval.cp)" dev.newswire.enrich.bench.TagEval "$@" 2>&1 | grep -v -E "^WARN|LogManager|JBossLoggerFinder"
