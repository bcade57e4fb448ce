#!/usr/bin/env bash
# Run last by scripts/test.sh: searches every log, audit file and captured output the suite left under
# target/ for the passwords and secret keys the tests used (src/test/resources/test-secrets.txt) and for
# anything shaped like a bcrypt hash. Any hit fails. Hits are reported by file and line, never by value.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECRETS_FILE="$ROOT/src/test/resources/test-secrets.txt"
HASH='\$2[abxy]\$[0-9]{2}\$[./A-Za-z0-9]{53}'
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"

PATTERNS="$(mktemp)"
SELF="$(mktemp -d)"
trap 'rm -rf "$PATTERNS" "$SELF"' EXIT
grep -v '^#' "$SECRETS_FILE" | grep -v '^$' >"$PATTERNS"

# hits DIR...: "file:line" of every secret or hash in the text files below the given places. Bytes, not
# characters (LC_ALL=C): in a UTF-8 locale grep takes a file with one invalid byte for binary and reports
# no line of it, and test passwords are not all ASCII.
hits() {
  { LC_ALL=C grep -rnIF -f "$PATTERNS" "$@" 2>/dev/null; LC_ALL=C grep -rnIE "$HASH" "$@" 2>/dev/null; } \
    | cut -d: -f1,2 | sort -u
}

echo "== secrets scan"
# first, the scan must find what is planted
printf 'log line with %s inside\n' "$(sed -n 1p "$PATTERNS")" >"$SELF/planted.log"
printf 'hash $2a$10$%s\n' "$(printf 'a%.0s' $(seq 1 53))" >"$SELF/planted.txt"
if [ "$(hits "$SELF" | wc -l)" -eq 2 ]; then pass "the scan finds a planted password and a planted hash"
else fail "the scan missed what was planted"; fi

PLACES=()
for place in target/test-output target/test-logs target/test-logs.log target/load-test logs; do
  [ -e "$ROOT/$place" ] && PLACES+=("$ROOT/$place")
done
while IFS= read -r -d '' output; do PLACES+=("$output"); done \
  < <(find "$ROOT/target/surefire-reports" -name '*-output.txt' -print0 2>/dev/null)
FILES=0
[ "${#PLACES[@]}" -gt 0 ] && FILES=$(find "${PLACES[@]}" -type f | wc -l)
if [ "$FILES" -gt 0 ]; then pass "$FILES files of logs, audit records and captured output to scan"
else fail "nothing to scan: run the suite first"; fi

FOUND="$( [ "${#PLACES[@]}" -gt 0 ] && hits "${PLACES[@]}")"
if [ -z "$FOUND" ]; then
  pass "no password, hash or secret key in any of them"
else
  fail "secrets found (file:line):"
  printf '%s\n' "$FOUND" | sed "s|^$ROOT/|      |"
fi

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
