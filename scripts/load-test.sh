#!/usr/bin/env bash
# Concurrent administrators against one DynamoDB Local: 8 processes run random insert, update, delete and
# get commands over 50 shared emails, then a checker compares what each was told with the final table.
#   scripts/load-test.sh            8 x 60 operations (what ./mvnw verify runs)
#   scripts/load-test.sh --full     8 x 500 operations (about 5 minutes on 2 cores)
# Options after the first are passed to Maven, e.g. -Dload.seed=123 to replay a run's random choices.
# Prints the count of each outcome and every violation; exit code 0 when there were none.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OPERATIONS=60
if [ "${1:-}" = "--full" ]; then
  OPERATIONS=500
  shift
fi
status=0
./mvnw -B -q test -Dtest=ConcurrentAdministratorsTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dload.operations="$OPERATIONS" "$@" || status=$?
cat target/load-test/report.txt 2>/dev/null || echo "no report: see target/surefire-reports" >&2
exit "$status"
