# Shared by the test and benchmark scripts: source it, do not run it.

PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); echo "ok    $1"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL  $1"; }

# start_dynamodb_local JAR_OR_LAUNCHER WORKDIR: DynamoDB Local on 127.0.0.1, in memory, on a free port.
# Sets ENDPOINT and SERVER_PID; returns non-zero if it did not start within 60 seconds.
start_dynamodb_local() {
  local launch="$1" work="$2"
  if [[ "$launch" == *.jar ]]; then
    java -jar "$launch" serve --port 0 --in-memory >"$work/server.out" 2>"$work/server.err" &
  else
    "$launch" serve --port 0 --in-memory >"$work/server.out" 2>"$work/server.err" &
  fi
  SERVER_PID=$!
  ENDPOINT=""
  for _ in $(seq 1 600); do
    ENDPOINT="$(sed -n 's/^DynamoDB Local listening on \(http[^ ]*\).*/\1/p' "$work/server.out")"
    [ -n "$ENDPOINT" ] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  cat "$work/server.out" "$work/server.err" >&2
  return 1
}

# keep_output NAME FILE...: appends what the program showed to target/test-output/NAME, where
# scripts/secrets-scan.sh looks for secrets after the whole suite.
keep_output() {
  local name="$1"
  shift
  mkdir -p "$ROOT/target/test-output"
  cat "$@" >>"$ROOT/target/test-output/$name" 2>/dev/null
}

# keep_logs NAME DIR: copies the program's log directory (logs and audit records) into target/test-output.
keep_logs() {
  [ -d "$2" ] || return 0
  mkdir -p "$ROOT/target/test-output/$1"
  cp -r "$2/." "$ROOT/target/test-output/$1/"
}

stop_dynamodb_local() {
  if [ -n "${SERVER_PID:-}" ]; then
    kill "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
  fi
}
