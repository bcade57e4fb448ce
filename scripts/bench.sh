#!/usr/bin/env bash
# Benchmarks: every figure is measured against a baseline in the same run (these machines are noisy;
# only ratios are stable). Writes bench/results.md. Sizes can be lowered for a quick look:
#   BENCH_BIG=20000 BENCH_SMALL=2000 BENCH_PLAIN_IMPORT=500 BENCH_HUGE=100000 scripts/bench.sh
# BENCH_ONLY=startup runs only the start-up and memory figures and prints them (results.md is left alone).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BIG="${BENCH_BIG:-100000}"
SMALL="${BENCH_SMALL:-10000}"
PLAIN_IMPORT="${BENCH_PLAIN_IMPORT:-10000}"
HUGE="${BENCH_HUGE:-1000000}"
RUNS="${BENCH_RUNS:-3}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/user-console-bench.XXXXXX")"
RESULTS="$ROOT/bench/results.md"
ROWS="$WORK/rows.md"
JAR="$ROOT/target/user-console.jar"
SOCKET="user-console-bench-$$"
SERVER_PID=""
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"

cleanup() {
  tmux -L "$SOCKET" kill-server 2>/dev/null
  stop_dynamodb_local
  rm -rf "$WORK"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "n/a"; else print a[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0 || a == "n/a" || b == "n/a") print "n/a"; else printf "%.2f", a / b }'; }
row() { echo "| $1 | $2 | $3 | $4 | $5 |" >>"$ROWS"; echo "| $1 | $2 | $3 | $4 | $5 |"; }

echo "== build"
./mvnw -q -B -DskipTests package || exit 1
command -v tmux >/dev/null || { apt-get install -y -qq tmux >/dev/null 2>&1 || { echo "tmux is needed"; exit 1; }; }
: >"$ROWS"

echo "== DynamoDB Local (in memory)"
start_dynamodb_local "$JAR" "$WORK" || { echo "DynamoDB Local did not start"; exit 1; }
EP="$ENDPOINT"
(cd "$WORK" && java -jar "$JAR" --endpoint "$EP" create-table >/dev/null 2>&1)
(cd "$WORK" && java -jar "$JAR" --embedded --data-dir "$WORK/data" create-table >/dev/null 2>&1)

tm() { tmux -L "$SOCKET" "$@"; }
pane_has() { tm capture-pane -p -t b 2>/dev/null | grep -qF -- "$1"; }

# startup ARGS...: ms until the menu is drawn and until the status line shows the table ACTIVE, and
# the console's resident memory once idle, through the launcher ($LAUNCH, else the checkout's) in a 80x24
# pseudo-terminal.
startup() {
  local start menu active pid rss
  tm kill-server 2>/dev/null
  start=$(now_ms)
  tm new-session -d -s b -x 80 -y 24 "cd '$WORK' && exec ${LAUNCH:-'$ROOT/scripts/user-console'} $*"
  until pane_has "Insert user"; do sleep 0.005; done
  menu=$(( $(now_ms) - start ))
  until pane_has ": ACTIVE"; do sleep 0.005; done
  active=$(( $(now_ms) - start ))
  sleep 2
  pid="$(tm list-panes -t b -F '#{pane_pid}')"
  rss="$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status" 2>/dev/null)"
  tm send-keys -t b C-c
  sleep 0.5
  echo "$menu $active ${rss:-0}"
}

echo "== 1. start-up (median of $RUNS)"
for _ in $(seq 1 "$RUNS"); do s=$(now_ms); java -version >/dev/null 2>&1; echo $(( $(now_ms) - s )); done >"$WORK/java"
"$ROOT/scripts/user-console" --version >/dev/null 2>&1 # builds if needed, outside the timing
for mode in embedded endpoint; do
  args="--embedded --data-dir '$WORK/data'"
  [ "$mode" = endpoint ] && args="--endpoint $EP"
  : >"$WORK/$mode"
  for _ in $(seq 1 "$RUNS"); do startup "$args" >>"$WORK/$mode"; done
done
JAVA_MS=$(median <"$WORK/java")
for mode in embedded endpoint; do
  menu=$(cut -d' ' -f1 "$WORK/$mode" | median)
  first=$(cut -d' ' -f2 "$WORK/$mode" | median)
  row "Start-up, $mode: menu drawn (ms)" "$menu" "$JAVA_MS (java -version)" "$(ratio "$menu" "$JAVA_MS")x" "menu <= 500 ms"
  row "Start-up, $mode: first database call done (ms)" "$first" "$JAVA_MS (java -version)" "$(ratio "$first" "$JAVA_MS")x" \
    "$([ "$mode" = embedded ] && echo '<= 2000 ms' || echo 'as fast as possible')"
done
echo "== 1b. the installed copy, unpacked afresh for every run, each run beside one of the checkout's (median of $RUNS)"
scripts/package --no-deb >"$WORK/package.log" 2>&1 || { tail -n 20 "$WORK/package.log"; exit 1; }
TARBALL="$(echo "$ROOT"/target/dist/user-console-*-linux-x64.tar.gz)"
: >"$WORK/installed"
: >"$WORK/checkout"
for _ in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/release" "$WORK/home" && mkdir -p "$WORK/release" "$WORK/home"
  tar -xzf "$TARBALL" -C "$WORK/release"
  # its first run after unpacking, with its own files under a scratch HOME (the XDG places)
  LAUNCH="env HOME='$WORK/home' $(echo "$WORK"/release/user-console-*/bin/user-console)" \
    startup "--embedded --data-dir '$WORK/data'" >>"$WORK/installed"
  startup "--embedded --data-dir '$WORK/data'" >>"$WORK/checkout"
done
INSTALLED_MENU=$(cut -d' ' -f1 "$WORK/installed" | median)
CHECKOUT_MENU=$(cut -d' ' -f1 "$WORK/checkout" | median)
row "Start-up, installed copy's first run, embedded: menu drawn (ms)" "$INSTALLED_MENU" \
  "$CHECKOUT_MENU (checkout launcher)" "$(ratio "$INSTALLED_MENU" "$CHECKOUT_MENU")x" "<= 1.0x (not slower)"
JDK_MB=$(du -sm "$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")" | cut -f1)
TAR_MB=$(awk -v b="$(stat -c %s "$TARBALL")" 'BEGIN { printf "%.1f", b / 1048576 }')
UNPACKED_MB=$(du -sm "$WORK"/release/user-console-* | cut -f1)
row "Release archive, $(basename "$TARBALL") (MB)" "$TAR_MB ($UNPACKED_MB unpacked)" "$JDK_MB (the JDK it is cut from, unpacked)" \
  "$(ratio "$UNPACKED_MB" "$JDK_MB")x" "reported"
RSS_EMB=$(cut -d' ' -f3 "$WORK/embedded" | median)
RSS_EP=$(cut -d' ' -f3 "$WORK/endpoint" | median)
memory_rows() {
  row "Resident memory of the idle console, embedded (MB)" "$RSS_EMB" "$RSS_EP (with an endpoint)" \
    "$(ratio "$RSS_EMB" "$RSS_EP")x" "reported"
  row "Resident memory of the idle console, endpoint (MB)" "$RSS_EP" "-" "-" "reported"
}
if [ "${BENCH_ONLY:-}" = startup ]; then
  memory_rows
  echo "BENCH_ONLY=startup: bench/results.md left unchanged"
  exit 0
fi

echo "== 2-4. listing, browser, import (in one JVM each; $BIG / $SMALL users)"
CP="$JAR:$ROOT/target/test-classes" # the jar's manifest names its libraries
java -Xmx1g -Dbench.big="$BIG" -Dbench.small="$SMALL" -Dbench.plainImport="$PLAIN_IMPORT" -Dbench.runs=3 -Dbench.serverPid="$SERVER_PID" \
  -Dorg.slf4j.simpleLogger.logFile="$WORK/bench.log" \
  -cp "$CP" dev.userconsole.bench.Bench "$EP" seed list browser import throttled | tee -a "$ROWS"

echo "== 4b. many users at once on $HUGE users: Read users, marking every match, a bulk lock (own JVM)"
java -Xmx1g -Dbench.small="$SMALL" -Dbench.huge="$HUGE" -Dbench.runs=3 -Dbench.scrollSeconds=3600 \
  -Dorg.slf4j.simpleLogger.logFile="$WORK/bench-scale.log" \
  -cp "$CP" dev.userconsole.bench.Bench "$EP" scale | tee -a "$ROWS"

echo "== 2b. listing from the shell: the program's CLI against the AWS CLI"
for _ in 1 2 3; do
  s=$(now_ms)
  (cd "$WORK" && java -jar "$JAR" --endpoint "$EP" --table "Bench$BIG" list --format jsonl >/dev/null 2>&1)
  echo $(( $(now_ms) - s ))
done >"$WORK/cli-list"
CLI_MS=$(median <"$WORK/cli-list")
if ! command -v aws >/dev/null 2>&1; then
  (apt-get install -y -qq awscli >/dev/null 2>&1 || sudo -n apt-get install -y -qq awscli >/dev/null 2>&1) || true
fi
if command -v aws >/dev/null 2>&1; then
  s=$(now_ms)
  AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1 \
    aws dynamodb scan --table-name "Bench$BIG" --endpoint-url "$EP" --output json >/dev/null 2>&1
  AWS_MS=$(( $(now_ms) - s ))
  row "List $BIG users from the shell (ms)" "$CLI_MS (list --format jsonl)" "$AWS_MS (aws dynamodb scan)" \
    "$(ratio "$AWS_MS" "$CLI_MS")x faster" ">= 3x faster"
else
  row "List $BIG users from the shell (ms)" "$CLI_MS (list --format jsonl)" "AWS CLI not available" "n/a" ">= 3x faster"
fi

echo "== 5. bytes written to the terminal per one-row scroll (120x40)"
tm kill-server 2>/dev/null
tm new-session -d -s b -x 120 -y 40 "cd '$WORK' && exec java -jar '$JAR' --endpoint $EP --table Bench$BIG"
until pane_has "Insert user"; do sleep 0.01; done
tm send-keys -t b r
until pane_has "more as you scroll"; do sleep 0.01; done
sleep 0.5
tm pipe-pane -t b -o "cat >'$WORK/scroll.bytes'"
SCROLLS=20
for _ in $(seq 1 "$SCROLLS"); do tm send-keys -t b Down; sleep 0.1; done
sleep 0.5
tm pipe-pane -t b
BYTES=$(( $(stat -c %s "$WORK/scroll.bytes") / SCROLLS ))
FULL=$(( 120 * 40 ))
row "Bytes to the terminal per one-row scroll at 120x40" "$BYTES" "$FULL (one full 120x40 screen of text)" \
  "$(ratio "$BYTES" "$FULL")" "<= 2048 bytes"
tm send-keys -t b C-c

echo "== 6. resident memory, idle"
memory_rows

{
  echo "# Benchmark results"
  echo
  echo "Measured by \`scripts/bench.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)),"
  echo "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) memory, $(java -version 2>&1 | head -1)."
  echo "DynamoDB Local 3.3.1 in memory as a separate process on the same machine; medians of several runs."
  echo "Each figure has a baseline measured in the same run; the ratio is what to compare across machines."
  echo
  echo "| benchmark | program | baseline | ratio | goal |"
  echo "|---|---|---|---|---|"
  cat "$ROWS"
  echo
  if [ -f "$ROOT/bench/notes.md" ]; then cat "$ROOT/bench/notes.md"; fi
} >"$RESULTS"
echo
echo "Wrote $RESULTS"
