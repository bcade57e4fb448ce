#!/usr/bin/env bash
# End-to-end test of the full-screen console: the real launcher in a real pseudo-terminal under tmux,
# at 80x24 and 120x40, against a DynamoDB Local started here. Every step is keystrokes; the screen is
# checked with capture-pane and the data with the scriptable commands.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAUNCHER="$ROOT/scripts/user-console"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/user-console-tui.XXXXXX")"
SOCKET="user-console-e2e-$$-0"
OPENED=0
SERVER_PID=""
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
  echo "tmux is missing; installing it (Debian package)..."
  if [ "$(id -u)" -eq 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux) >/dev/null 2>&1
  else
    (sudo -n apt-get update -qq && sudo -n DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux) >/dev/null 2>&1
  fi
  command -v tmux >/dev/null 2>&1 || { echo "FAIL  tmux could not be installed"; exit 1; }
fi

# -u: tmux takes what is typed and shown as UTF-8 whatever the locale this script runs in
tm() { tmux -u -L "$SOCKET" "$@"; }

cleanup() {
  tm kill-server 2>/dev/null
  stop_dynamodb_local
  keep_logs e2e-logs "$WORK/logs"
  rm -rf "$WORK"
}
trap cleanup EXIT


screen_text() { tm capture-pane -p -t e2e; }

# wait_for TEXT [SECONDS]: until the pane shows TEXT.
wait_for() {
  local text="$1" limit="${2:-30}" start
  start=$(date +%s)
  while ! screen_text | grep -qF -- "$text"; do
    if [ $(( $(date +%s) - start )) -ge "$limit" ]; then
      fail "screen never showed '$text'"
      screen_text | sed 's/^/      | /'
      return 1
    fi
    sleep 0.1
  done
  screen_text | keep_output e2e-screens.txt
  pass "screen shows '$text'"
}

# wait_for_pattern REGEX DESCRIPTION [SECONDS]
wait_for_pattern() {
  local regex="$1" what="$2" limit="${3:-15}" start
  start=$(date +%s)
  while ! screen_text | grep -qE -- "$regex"; do
    if [ $(( $(date +%s) - start )) -ge "$limit" ]; then
      fail "screen never showed $what"
      screen_text | sed 's/^/      | /'
      return 1
    fi
    sleep 0.1
  done
  screen_text | keep_output e2e-screens.txt
  pass "screen shows $what"
}

keys() { tm send-keys -t e2e "$@"; }
typed() { tm send-keys -t e2e -l -- "$1"; }

# cli ARGS...: the scriptable commands against the same endpoint and table.
cli() { (cd "$WORK" && "$LAUNCHER" --endpoint "$ENDPOINT" --table "$TABLE" "$@"); }

# open_console COLS ROWS TERM [ENV...]: a shell in a pane of that size, running the console.
open_console() {
  open_shell "$@"
  typed "AWS_ENDPOINT_URL=$ENDPOINT USERS_TABLE=$TABLE BCRYPT_COST=10 '$LAUNCHER'; echo exit=\$?"
  keys Enter
}

# open_shell COLS ROWS TERM [ENV...]: an interactive shell in a fresh tmux pane of that size.
open_shell() {
  local cols="$1" rows="$2" term="$3"
  shift 3
  tm kill-server 2>/dev/null
  # a fresh tmux server each time: reusing a socket while the old server exits is racy
  OPENED=$((OPENED + 1))
  SOCKET="user-console-e2e-$$-$OPENED"
  tm new-session -d -s e2e -x "$cols" -y "$rows" \
    "cd '$WORK' && env -i PATH='$PATH' HOME='$HOME' TERM='$term' PS1='prompt\$ ' $* bash --norc --noprofile -i"
  tm set-option -t e2e -g default-terminal "$term" >/dev/null 2>&1
  sleep 0.3
}

# quit_and_check_terminal: q quits; the shell must then echo what is typed and run it.
quit_and_check_terminal() {
  keys q
  wait_for "exit=0" 15
  typed "echo usable-\$((40+2))"
  keys Enter
  wait_for "usable-42" 10
}

echo "== starting DynamoDB Local (loopback, in memory)"
# builds and makes the start-up archive if needed, so neither counts against the waits below
"$LAUNCHER" --version >/dev/null 2>&1
start_dynamodb_local "$LAUNCHER" "$WORK" || { fail "DynamoDB Local did not start"; exit 1; }
echo "      $ENDPOINT"

full_flow() {
  local cols="$1" rows="$2"
  TABLE="E2E_${cols}x${rows}"
  echo "== full flow at ${cols}x${rows}"
  open_console "$cols" "$rows" xterm-256color
  wait_for "Insert user" 60 || return
  wait_for "Table $TABLE: missing" 20

  keys c
  wait_for "Provisioned 5/5" || return
  keys Enter
  wait_for "Created table $TABLE (ACTIVE, provisioned 5 read / 5 write)" 30 || return
  keys Enter
  wait_for "Table $TABLE: ACTIVE" 10

  keys i
  wait_for "Insert user" || return
  typed "Alice"; keys Tab
  typed "Smith"; keys Tab
  typed "Alice@Example.com"; keys Tab
  typed "first-password"; keys Tab
  typed "first-password"; keys Tab
  keys Enter
  wait_for "Created user alice@example.com (Alice Smith)." 30 || return
  if screen_text | grep -qF "first-password"; then fail "the password was shown"; else pass "the password stayed masked"; fi
  keys Enter
  if cli get --email alice@example.com --format jsonl 2>/dev/null | grep -qF '"firstName":"Alice","lastName":"Smith"'; then
    pass "the store has the inserted user"; else fail "the store does not have the inserted user"; fi
  if printf 'first-password\n' | cli check-password --email alice@example.com --password-stdin 2>/dev/null; then
    pass "the inserted password checks"; else fail "the inserted password does not check"; fi

  keys r
  wait_for "1 user (all loaded)" 20 || return
  wait_for "alice@example.com"
  if [ "$cols" -eq 80 ]; then
    tm resize-window -t e2e -x 130 -y 40
    wait_for_pattern 'alice@example\.com .*[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}' "dates with the time after growing to 130x40"
    tm resize-window -t e2e -x "$cols" -y "$rows"
    wait_for_pattern 'alice@example\.com .*[0-9]{4}-[0-9]{2}-[0-9]{2} +[0-9]{4}-' "dates shortened again at ${cols}x${rows}"
  fi

  keys Enter
  wait_for "Update" || return
  keys Enter
  wait_for "Leave the password empty" || return
  keys Tab
  keys BSpace BSpace BSpace BSpace BSpace
  typed "Jones"
  keys Tab Tab Tab
  keys Enter
  wait_for "Updated user alice@example.com." 30 || return
  keys Enter
  if cli get --email alice@example.com --format jsonl 2>/dev/null | grep -qF '"lastName":"Jones"'; then
    pass "the store has the update"; else fail "the store does not have the update"; fi
  wait_for "Jones" 10

  keys Enter
  wait_for "Delete" || return
  keys Down
  keys Enter
  wait_for "It is kept in the trash first" || return
  keys BTab
  keys Enter
  wait_for "Deleted user alice@example.com." 30 || return
  keys Enter
  if cli get --email alice@example.com >/dev/null 2>&1; then fail "the user is still stored"; else pass "the user is gone from the store"; fi
  if cli trash --format jsonl 2>/dev/null | grep -qF '"emailAddress":"alice@example.com"'; then
    pass "the deleted user is kept in the trash"; else fail "the deleted user is not in the trash"; fi
  wait_for "0 users (all loaded)" 10

  keys Escape
  wait_for "Insert user" || return
  quit_and_check_terminal
}

full_flow 80 24
full_flow 120 40

# put_raw_item JSON: writes an item straight to DynamoDB Local, as another tool would (no validation).
# The body is ASCII: control and bidi characters travel as JSON \u escapes.
put_raw_item() {
  curl -s -o /dev/null -w '%{http_code}' "$ENDPOINT" -H 'Content-Type: application/x-amz-json-1.0' \
    -H 'X-Amz-Target: DynamoDB_20120810.PutItem' \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0' \
    --data "{\"TableName\":\"$TABLE\",\"Item\":$1}"
}

echo "== hostile stored names (escape, OSC title, bidi, C1) in a real terminal"
TABLE="E2E_hostile"
cli create-table >/dev/null 2>&1
code="$(put_raw_item '{"emailAddress":{"S":"evil@example.com"},"firstName":{"S":"\u001b]0;pwned\u0007\u001b[2J"},"lastName":{"S":"Bidi\u202eevil\u009b[31m"}}')"
[ "$code" = 200 ] && pass "a hostile item was stored raw" || fail "storing the raw item answered HTTP $code"
open_console 80 24 xterm-256color
if wait_for "Insert user" 60; then
  keys r
  wait_for '\x1b]0;pwned' 20
  wait_for 'Bidi\u202e' 5 # the list's name column cuts the rest
  keys Enter # the details show every attribute in full, escaped
  wait_for '\x1b]0;pwned\x07\x1b[2J' 10
  wait_for 'Bidi\u202eevil\x9b[31m' 5
  wait_for "Table $TABLE: ACTIVE" 5
  title="$(tm display-message -p -t e2e '#{pane_title}')"
  if [[ "$title" == *pwned* ]]; then fail "the stored OSC sequence set the terminal title"; else pass "the terminal title is untouched"; fi
  keys Enter
  wait_for "Leave the password empty" 10 && keys Escape
  keys Escape
  wait_for "Insert user" && quit_and_check_terminal
fi

echo "== non-ASCII names and password typed under LC_ALL=C"
# The JVM itself in the C locale (java, not the launcher, which would start it in C.UTF-8): Java's own
# charset is then ASCII, and the console must still read and draw UTF-8. Masked prompts of the scriptable
# commands (System.console) too. Hashes are checked with bcryptjs, not the program's jBCrypt.
locale_pass() {
  local password='pässwörd€' export="$WORK/locale-users.jsonl"
  local java_cmd="AWS_ENDPOINT_URL=$ENDPOINT USERS_TABLE=$TABLE BCRYPT_COST=10 java -XX:TieredStopAtLevel=1 -jar '$ROOT/target/user-console.jar'"
  cli create-table >/dev/null 2>&1
  open_shell 80 24 xterm-256color LC_ALL=C LANG=C
  typed "$java_cmd; echo exit=\$?"
  keys Enter
  wait_for "Table $TABLE: ACTIVE" 60 || return
  keys i
  wait_for "Confirm" || return
  typed "Zoë"; keys Tab
  typed "Ñúñez"; keys Tab
  typed "zoe@example.com"; keys Tab
  typed "$password"; keys Tab
  typed "$password"; keys Tab
  keys Enter
  wait_for "Created user zoe@example.com (Zoë Ñúñez)." 30 || return
  keys Enter
  keys r
  wait_for_pattern 'zoe@example\.com +Zoë +Ñúñez +[0-9]{4}-' "Zoë Ñúñez drawn in Read users" 20 || return
  keys Escape
  wait_for "Insert user" || return
  keys q
  wait_for "exit=0" 15 || return
  typed "$java_cmd insert --email prompt@example.com --first-name Prompt --last-name User; echo exit=\$?"
  keys Enter
  wait_for "Password:" 30 || return
  typed "$password"; keys Enter
  wait_for "Repeat password:" 10 || return
  typed "$password"; keys Enter
  wait_for "Created user prompt@example.com (Prompt User)." 30 || return
  if cli get --email zoe@example.com --format jsonl 2>/dev/null | grep -qF '"firstName":"Zoë","lastName":"Ñúñez"'; then
    pass "the store has Zoë Ñúñez exactly"; else fail "the store does not have Zoë Ñúñez exactly"; fi
  cli export --include-password-hashes --output "$export" >/dev/null 2>&1
  local email
  for email in zoe@example.com prompt@example.com; do
    CANDIDATE_PASSWORD="$password" bcryptjs_matches "$export" "$email"
    case $? in
      0) pass "bcryptjs: $email's stored hash is of $password" ;;
      1) fail "bcryptjs: $email's stored hash is not of $password" ;;
      *) fail "bcryptjs could not check $email's stored hash" ;;
    esac
  done
  rm -f "$export"
}
TABLE="E2E_locale"
locale_pass

echo "== y copies the chosen email to the clipboard (OSC 52, tmux with set-clipboard on)"
# tmux makes a paste buffer of an OSC 52 it accepts; its default (external) ignores applications'
clipboard_pass() {
  local email='zoë.clip@example.com' copied code
  TABLE="E2E_clipboard"
  cli create-table >/dev/null 2>&1
  # stored raw, as another tool would: insert takes ASCII addresses only
  code="$(put_raw_item '{"emailAddress":{"S":"zo\u00eb.clip@example.com"},"firstName":{"S":"Zo\u00eb"},"password":{"S":"$2a$10$e2eHashNotToBeCopied"}}')"
  [ "$code" = 200 ] || { fail "storing the clipboard's user answered HTTP $code"; return; }
  open_console 80 24 xterm-256color
  tm set-option -g set-clipboard on # this test's own tmux server only
  wait_for "Table $TABLE: ACTIVE" 60 || return
  keys r
  wait_for "1 user (all loaded)" 20 || return
  keys y
  wait_for "Copied $email to your clipboard" 10 || return
  copied="$(tm show-buffer 2>&1)"
  if [ "$copied" = "$email" ]; then pass "tmux's paste buffer holds exactly $email"
  else fail "tmux's paste buffer holds '$copied', not $email"; fi
  keys Escape
  wait_for "Insert user" && quit_and_check_terminal
}
clipboard_pass

echo "== other terminals, NO_COLOR"
TABLE="E2E_80x24"
for term in screen-256color linux vt100; do
  open_console 80 24 "$term"
  wait_for "Insert user" 60 && wait_for "Table $TABLE: ACTIVE" 20 && quit_and_check_terminal
done
open_console 80 24 xterm-256color NO_COLOR=1
wait_for "Insert user" 60 && keys '?' && wait_for "Ctrl-C" && keys Escape && keys C-c && wait_for "exit=0" 15

echo "== killed with SIGKILL while a save runs (embedded database)"
# java_under PID: the java process among PID's descendants (the console this script started in its pane).
java_under() {
  local child
  for child in $(pgrep -P "$1"); do
    if [ "$(ps -o comm= -p "$child")" = "java" ]; then echo "$child"; return; fi
    java_under "$child"
  done
}

killed_mid_save() {
  local data="$WORK/crash-data" java_pid got when
  (cd "$WORK" && "$LAUNCHER" --embedded --data-dir "$data" create-table >/dev/null 2>&1)
  printf 'kept-password\n' | (cd "$WORK" && "$LAUNCHER" --embedded --data-dir "$data" insert --email kept@example.com \
    --first-name Kept --last-name User --password-stdin >/dev/null 2>&1)
  open_shell 80 24 xterm-256color
  # bcrypt cost 13 (about half a second here) so that the save is still running when it is killed
  typed "BCRYPT_COST=13 '$LAUNCHER' --embedded --data-dir '$data'; echo exit=\$?"
  keys Enter
  wait_for "Table User: ACTIVE" 60 || return
  keys i
  wait_for "Confirm" || return
  typed "Saved"; keys Tab
  typed "Maybe"; keys Tab
  typed "saved@example.com"; keys Tab
  typed "saved-password"; keys Tab
  typed "saved-password"; keys Tab
  keys Enter
  wait_for "Saving" 10 || return
  sleep "0.$((RANDOM % 5))"
  if screen_text | grep -qF "Saving"; then when="while saving"; else when="just after the save"; fi
  java_pid="$(java_under "$(tm display-message -p -t e2e '#{pane_pid}')")"
  [ -n "$java_pid" ] || { fail "no console process to kill"; return; }
  kill -KILL "$java_pid"
  echo "      killed $when"
  wait_for "exit=137" 10 || return
  # the console had the terminal in raw mode on the alternate screen; these must bring it back
  typed "stty sane; tput rmcup; echo usable-\$((40+2))"
  keys Enter
  wait_for "usable-42" 10
  got="$(cd "$WORK" && "$LAUNCHER" --embedded --data-dir "$data" get --email kept@example.com --format jsonl 2>&1)"
  if [[ "$got" == *'"firstName":"Kept","lastName":"User"'* ]]; then
    pass "after the kill the data directory opens and the earlier user is intact"
  else
    fail "after the kill: $got"
  fi
  got="$(cd "$WORK" && "$LAUNCHER" --embedded --data-dir "$data" get --email saved@example.com --format jsonl 2>&1)"
  if [[ "$got" == *'"firstName":"Saved","lastName":"Maybe"'* ]] \
      && printf 'saved-password\n' | (cd "$WORK" && "$LAUNCHER" --embedded --data-dir "$data" check-password \
        --email saved@example.com --password-stdin >/dev/null 2>&1); then
    pass "the save cut short was stored whole"
  elif [[ "$got" == *"No user with email saved@example.com"* ]]; then
    pass "the save cut short left nothing behind"
  else
    fail "the save cut short left: $got"
  fi
}
killed_mid_save

echo "== a production connection: red read-only status, : opens the switcher, the delete prompt names it"
connections_pass() {
  local config="$WORK/config"
  TABLE="E2E_connections"
  cli create-table >/dev/null 2>&1
  printf 'conn-password\n' | cli insert --email conn@example.com --first-name Conn --last-name User \
    --password-stdin >/dev/null 2>&1
  mkdir -p "$config/user-console"
  printf '[e2e-prod]\nendpoint = "%s"\ntable = "%s"\nproduction = true\n' "$ENDPOINT" "$TABLE" \
    >"$config/user-console/connections.toml"
  open_shell 80 24 xterm-256color XDG_CONFIG_HOME="'$config'" BCRYPT_COST=10
  typed "'$LAUNCHER' --connection e2e-prod; echo exit=\$?"
  keys Enter
  wait_for "PRODUCTION e2e-prod | READ-ONLY | Table $TABLE: ACTIVE" 60 || return
  typed ":"
  wait_for "e2e-prod   $ENDPOINT, table $TABLE  PRODUCTION" 10 || return
  keys Escape
  wait_for "Insert user" || return
  quit_and_check_terminal
  typed "'$LAUNCHER' --connection e2e-prod --write delete --email conn@example.com; echo exit=\$?"
  keys Enter
  wait_for "Delete user conn@example.com (Conn User) from table $TABLE on e2e-prod?" 30 || return
  typed "n"; keys Enter
  wait_for "Nothing deleted." 10
}
connections_pass

# bulk_pass: bulk commands on a real terminal, through the throttling proxy of the tests (test code, run
# here as a program): a table it reports as 250 MB asks the large-scan question before the preview; the
# count is typed back; Ctrl-C during a bulk lock it slows to 3 writes a second cancels it with a report.
bulk_pass() {
  local users=60 proxy_out="$WORK/proxy.out" proxy_pid
  TABLE="E2E_bulk"
  cli create-table >/dev/null 2>&1
  { echo "email,firstName,lastName,password"
    for i in $(seq -w 1 "$users"); do echo "bulk$i@corp.example,Bulk,User$i,bulk-pass-$i"; done; } >"$WORK/bulk.csv"
  BCRYPT_COST=10 cli import "$WORK/bulk.csv" >/dev/null 2>&1
  [ -d "$ROOT/target/test-classes/dev/userconsole/testing" ] || "$ROOT/mvnw" -B -q -o test-compile >/dev/null 2>&1
  java -cp "$ROOT/target/test-classes:$ROOT/target/user-console.jar" dev.userconsole.testing.ThrottlingProxy \
    "${ENDPOINT##*:}" --size "$TABLE" 250000000 --provision "$TABLE" 1000 3 >"$proxy_out" 2>&1 &
  proxy_pid=$!
  local proxy=""
  for _ in $(seq 1 100); do
    proxy="$(grep -m1 '^http' "$proxy_out")" && break
    sleep 0.1
  done
  [ -n "$proxy" ] || { fail "the throttling proxy did not start: $(cat "$proxy_out")"; return; }
  local bulk="'$LAUNCHER' --endpoint $proxy --table $TABLE lock --filter domain:corp.example --reason e2e"
  open_shell 200 30 xterm-256color # the cost sentence and its question on one line
  typed "$bulk; echo exit=\$?"
  keys Enter
  wait_for "A whole-table scan of $TABLE reads about 250 MB" 60 && wait_for "Scan it? [y/N]" 5 || return
  typed "n"; keys Enter
  wait_for "Nothing scanned." 10 && wait_for "exit=1" 10 || return
  pass "a bulk lock on a 250 MB table asks before it scans, and n scans nothing"
  typed "$bulk; echo exit=\$?"
  keys Enter
  wait_for "Scan it? [y/N]" 60 || return
  typed "y"; keys Enter
  wait_for "Type $users to lock these $users users" 30 || return
  typed "$users"; keys Enter
  sleep 4
  keys C-c
  wait_for "Cancelling: the users already started finish" 10 || return
  wait_for_pattern "Locked [0-9]+; .*not reached \\(cancelled\\) [0-9]+\\." "the cancelled bulk lock's report" 30 || return
  local summary locked cancelled stored
  summary="$(screen_text | grep -oE "Locked [0-9]+; .*not reached \\(cancelled\\) [0-9]+\\.")"
  locked="$(sed -E 's/^Locked ([0-9]+);.*/\1/' <<<"$summary")"
  cancelled="$(sed -E 's/.*\(cancelled\) ([0-9]+)\./\1/' <<<"$summary")"
  stored="$(cli list --filter locked:yes --format jsonl 2>/dev/null | grep -c '"emailAddress"')"
  if [ "$cancelled" -gt 0 ] && [ "$locked" -eq "$stored" ] && [ $((locked + cancelled)) -eq "$users" ]; then
    pass "Ctrl-C cancels a bulk lock: $locked locked (as stored), $cancelled not reached, none lost"
  else
    fail "Ctrl-C during a bulk lock: report '$summary', $stored locked in the table"
  fi
  kill "$proxy_pid" 2>/dev/null
  wait "$proxy_pid" 2>/dev/null
}
echo "== bulk commands on a terminal: the large-scan question, the count typed back, Ctrl-C"
bulk_pass

echo "== without a terminal"
out="$(cd "$WORK" && "$LAUNCHER" </dev/null 2>&1 | cat)"
code=$(cd "$WORK" && "$LAUNCHER" </dev/null >/dev/null 2>&1; echo $?)
if [ "$code" -eq 2 ] && [[ "$out" == *"needs a terminal"* ]]; then
  pass "no terminal: a clear message and exit code 2"
else
  fail "no terminal: exit $code, output: $out"
fi

echo
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
