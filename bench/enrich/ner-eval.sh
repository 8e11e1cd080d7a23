#!/usr/bin/env bash
# NER quality of enrich-service's entity stage on the CoNLL-2003 English dev split (eng.testa):
# entity-level precision / recall / F1 per type, CoreNLP's CRF alone vs. CRF + our document-level
# post-processing (LabelConsistency). Results and discussion: docs/benchmarks/enrich-ner.md.
#
# Usage: bench/enrich/ner-eval.sh [path/to/eng.testa]
#   default path: $NER_DATA, else /work/data/conll2003/eng.testa
# The data set is not redistributable and is never committed: put a copy of eng.testa (CoNLL-2003
# column format with -DOCSTART- lines; 216 documents, 51,362 tokens) outside the repository.
# Never tune on eng.testb (the test split).
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA="${1:-${NER_DATA:-/work/data/conll2003/eng.testa}}"
if [ ! -f "$DATA" ]; then
  echo "CoNLL-2003 dev file not found: $DATA (pass its path or set NER_DATA)" >&2
  exit 2
fi
./mvnw -B -q -pl enrich-service -am install -DskipTests -Dquarkus.build.skip=true
./mvnw -B -q -pl enrich-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/ner-eval.classpath -Dmdep.includeScope=test -Dquarkus.build.skip=true
CP="enrich-service/target/test-classes:enrich-service/target/classes:$(cat enrich-service/target/ner-eval.classpath)"
exec java -Xmx2g -cp "$CP" dev.newswire.enrich.bench.NerEvaluation "$DATA"
