#!/usr/bin/env bash
# Fault-injection suite, long form: the broker is down OUTAGE seconds (default 600) in the
# "broker stop/start" scenario, with enrich's real producer timeouts; every other fault once.
#   bench/faults/run.sh [OUTAGE_SECONDS]
# Builds the jars it runs (reactor: kafka-local and the three services) without their tests, then
# runs faults/FaultInjectionIT. Figures: console lines starting "[faults]" and
# faults/target/faults-run-*/summary.txt; process logs beside it. The short form runs in
# ./mvnw verify (or: ./mvnw -pl faults -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
# -Dit.test=FaultInjectionIT -Dfailsafe.failIfNoSpecifiedTests=false).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
outage=${1:-600}
uptime
./mvnw -B -pl faults -am verify -Dfaults.long=true -Dfaults.long.outage="$outage" \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=FaultInjectionIT -Dfailsafe.failIfNoSpecifiedTests=false 2>&1 | tee faults-long.log \
  | grep --line-buffered -E '^\[faults\]|Tests run|FAIL'
uptime
