#!/usr/bin/env bash
# End-to-end check of the scriptable commands through the real launcher: a standalone DynamoDB Local
# (loopback, in memory, free port) started here, then the whole user life cycle, then the embedded store.
#
#   scripts/smoke-test.sh [--engine dynamodb-local|dynalite] [--pass all|engine|locale] [--installed TARBALL]
#
# --engine dynalite runs the flow against dynalite (no transactions, like ScyllaDB Alternator). The extra
# passes scripts/test.sh makes run only the sections that can differ: --pass engine what the store does
# (the life cycle, import, locks, bulk work, backup), --pass locale how text is read and written.
# --installed runs the flow on the release archive scripts/package made instead of the checkout's launcher:
# unpacked in a scratch directory and run with a PATH that has no java and no mvn; its own section checks the
# start-up archive, the XDG places, the man page, completion, and the .deb beside the archive.
set -uo pipefail

ENGINE=dynamodb-local
PASS=all
INSTALLED=""
usage() {
  echo "usage: scripts/smoke-test.sh [--engine dynamodb-local|dynalite] [--pass all|engine|locale] [--installed TARBALL]" >&2
  exit 2
}
ARGUMENTS=("$@")
while [ $# -gt 0 ]; do
  case "$1" in
    --engine) ENGINE="${2:-}"; shift 2 ;;
    --pass) PASS="${2:-}"; shift 2 ;;
    --installed) INSTALLED="${2:-}"; [ -f "$INSTALLED" ] || usage; INSTALLED="$(readlink -f "$INSTALLED")"; shift 2 ;;
    *) usage ;;
  esac
done
case "$ENGINE" in
  dynamodb-local|dynalite) ;;
  *) echo "unknown engine: $ENGINE (dynamodb-local or dynalite)" >&2; exit 2 ;;
esac
case "$PASS" in
  all) SECTIONS="archive table crud passwords update delete invalid unreachable import lock bulk unicode readonly backup embedded" ;;
  engine) SECTIONS="archive table crud passwords update delete unreachable import lock bulk backup" ;;
  locale) SECTIONS="table unicode" ;;
  *) echo "unknown pass: $PASS (all, engine or locale)" >&2; exit 2 ;;
esac
# the checkout launcher's start-up archive is made on first use; the release's is checked in its own section
[ -n "$INSTALLED" ] && SECTIONS="${SECTIONS/archive/installed}"

# The release must need no Java on the machine: as root, the flow runs in a mount namespace of its own
# where every JDK of the machine (/usr/lib/jvm) and Debian's Java configuration are hidden under empty
# directories. Elsewhere only the PATH below hides them.
if [ -n "$INSTALLED" ] && [ -z "${SMOKE_JAVA_HIDDEN:-}" ] && [ "$(id -u)" = 0 ] &&
    unshare --mount true 2>/dev/null; then
  exec unshare --mount --propagation private env SMOKE_JAVA_HIDDEN=1 bash -c '
    for place in /usr/lib/jvm /etc/java-17-openjdk /etc/ssl/certs/java; do
      if [ -d "$place" ]; then mount -t tmpfs -o ro,size=1m java-hidden "$place" || exit 3; fi
    done
    exec "$@"' _ "$(readlink -f "${BASH_SOURCE[0]}")" "${ARGUMENTS[@]}"
fi

# runs SECTION: whether this pass runs that section of the flow
runs() {
  [[ " $SECTIONS " == *" $1 "* ]]
}

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAUNCHER="$ROOT/scripts/user-console"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/user-console-smoke.XXXXXX")"
SERVER_PID=""
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"

cleanup() {
  stop_dynamodb_local
  keep_logs "smoke-logs-$ENGINE-${LC_ALL:-${LANG:-default}}${INSTALLED:+-installed}" "$WORK/logs"
  [ -n "$INSTALLED" ] && keep_logs "smoke-logs-installed-xdg" "$WORK/home/.local/state"
  rm -rf "$WORK"
}
trap cleanup EXIT

# Runs from a scratch directory so the repository's .env, data/ and logs/ are not involved.
cd "$WORK" || exit 3
export USERS_TABLE=SmokeUsers BCRYPT_COST=10
unset AWS_ENDPOINT_URL AWS_ENDPOINT_URL_DYNAMODB AWS_REGION AWS_DEFAULT_REGION AWS_PROFILE DATA_DIR LOG_DIR

if [ -n "$INSTALLED" ]; then
  mkdir -p "$WORK/release" "$WORK/home"
  tar -xzf "$INSTALLED" -C "$WORK/release" || { fail "the release archive does not unpack"; exit 1; }
  RELEASE="$(echo "$WORK"/release/user-console-*)"
  LAUNCHER="$RELEASE/bin/user-console"
  # Its files would go to the XDG places under HOME: a scratch HOME, and the logs where the sections below
  # read them (the installed section checks the XDG places themselves).
  export HOME="$WORK/home" LOG_DIR="$WORK/logs"
  unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_STATE_HOME XDG_CACHE_HOME JAVA_HOME
  # A PATH of links to every command on this one but Java's and Maven's: the release must need neither.
  mkdir -p "$WORK/path"
  IFS=: read -ra PATH_DIRS <<<"$PATH"
  for dir in "${PATH_DIRS[@]}"; do
    [ -d "$dir" ] && cp -s -n "$dir"/* "$WORK/path/" 2>/dev/null
  done
  for tool in java javac javap jar jshell jlink jpackage jdeps jcmd jstack mvn mvnw; do rm -f "$WORK/path/$tool"; done
  export PATH="$WORK/path"
fi


# check NAME EXPECTED_EXIT STDIN COMMAND...: runs the launcher, keeps stdout/stderr in $OUT/$ERR.
check() {
  local name="$1" expected="$2" input="$3"
  shift 3
  printf '%s' "$input" | "$LAUNCHER" "$@" >"$WORK/out" 2>"$WORK/err"
  local code=$?
  keep_output smoke-captured.txt "$WORK/out" "$WORK/err"
  OUT="$(cat "$WORK/out")"
  ERR="$(cat "$WORK/err")"
  if [ "$code" -eq "$expected" ]; then
    pass "$name"
  else
    fail "$name: exit $code, expected $expected"
    sed 's/^/      stdout: /' "$WORK/out"
    sed 's/^/      stderr: /' "$WORK/err"
    report_if_server_gone "$WORK"
  fi
}

# expect NAME TEXT WHERE: WHERE (stdout or stderr of the last check) must contain TEXT.
expect() {
  local name="$1" text="$2" where="$3"
  local haystack="$OUT"
  [ "$where" = stderr ] && haystack="$ERR"
  if [[ "$haystack" == *"$text"* ]]; then
    pass "$name"
  else
    fail "$name: $where does not contain '$text'"
    printf '%s\n' "$haystack" | sed "s/^/      $where: /"
  fi
}

refute() {
  local name="$1" text="$2"
  if [[ "$OUT$ERR" == *"$text"* ]]; then
    fail "$name: output contains '$text'"
  else
    pass "$name"
  fi
}

# witness NAME EXPECTED FUNCTION ARGS...: runs a bcrypt witness on $CANDIDATE_PASSWORD, expecting its exit code
witness() {
  local name="$1" expected="$2"
  shift 2
  "$@" 2>"$WORK/witness.err"
  local code=$?
  if [ "$code" -eq "$expected" ]; then pass "$name"; else fail "$name: exit $code, expected $expected"; sed 's/^/      /' "$WORK/witness.err"; fi
}

# check_start_up_archive WHAT: the launcher starts the program's classes from its start-up archive (WHAT),
# --version's line is whole and alone on the terminal, and USER_CONSOLE_CDS=0 starts without the archive.
check_start_up_archive() {
  USER_CONSOLE_JAVA_OPTS="-Xlog:class+load=info:file=$WORK/classes.log" check "launch with the archive" 0 "" --version
  if grep -q 'dev.userconsole.Main source: shared objects file' "$WORK/classes.log"; then
    pass "the program's classes come from $1"
  else
    fail "$1 was not used"
  fi
  if [[ "$OUT" =~ ^user-console\ [0-9][0-9.]*\ \(commit\ ([0-9a-f]{7,}|unknown),\ built\ 20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z\)$ ]] && [ -z "$ERR" ]; then
    pass "--version names the version, the commit and the build date, with no JVM message"
  else
    fail "--version printed: $OUT $ERR"
  fi
  USER_CONSOLE_CDS=0 USER_CONSOLE_JAVA_OPTS="-Xlog:class+load=info:file=$WORK/classes.log" check "USER_CONSOLE_CDS=0" 0 "" --version
  if grep -q 'dev.userconsole.Main source: file:' "$WORK/classes.log"; then
    pass "USER_CONSOLE_CDS=0 starts without the archive"
  else
    fail "USER_CONSOLE_CDS=0 still used the archive"
  fi
}

echo "== engine $ENGINE, locale LC_ALL=${LC_ALL:-} LANG=${LANG:-}, pass $PASS"
if runs archive; then
echo "== start-up archive (class data sharing)"
check "first launch (makes the archive after a build)" 0 "" --version
if compgen -G "$ROOT/target/cds/user-console-*.jsa" >/dev/null; then
  pass "the launcher made a start-up archive"
else
  fail "no start-up archive; see target/cds/training.log"
fi
check_start_up_archive "the archive"
fi # archive

if runs installed; then
echo "== the release archive, unpacked in a scratch directory"
if ! command -v java >/dev/null && ! command -v mvn >/dev/null; then pass "no java and no mvn on the PATH"; else fail "java or mvn is on the PATH: $(command -v java mvn)"; fi
if [ -n "${SMOKE_JAVA_HIDDEN:-}" ]; then
  if [ -z "$(ls -A /usr/lib/jvm 2>/dev/null)" ]; then pass "no JDK on the machine either: /usr/lib/jvm is hidden in this mount namespace"; else fail "/usr/lib/jvm is not hidden"; fi
else
  echo "      (not root: the machine's JDKs stay where they are, and only the PATH hides them)"
fi
check "first launch" 0 "" --version
if [ -z "$ERR" ]; then pass "the first run says nothing but what it was asked"; else fail "the first run said: $ERR"; fi
check_start_up_archive "the archive made when packaging"
mkdir -p "$WORK/elsewhere" "$HOME/.config/user-console"
cp -a "$RELEASE" "$WORK/elsewhere/moved"
USER_CONSOLE_JAVA_OPTS=-Xshare:on "$WORK/elsewhere/moved/bin/user-console" --version >/dev/null 2>&1 &&
  pass "moved to another directory, it still starts from its archive (-Xshare:on)" || fail "moved, the archive no longer fits"
rm -rf "$WORK/elsewhere"

printf 'USERS_TABLE=XdgUsers\nBCRYPT_COST=10\n' >"$HOME/.config/user-console/settings.env"
LOG_DIR= USERS_TABLE= check "embedded create-table with the XDG defaults" 0 "" --embedded create-table
expect "the table is settings.env's" "Created table XdgUsers" stderr
LOG_DIR= USERS_TABLE= check "embedded insert with the XDG defaults" 0 $'xdg-smoke-pass\n' --embedded insert --email xdg@example.com --first-name X --last-name Dg --password-stdin
XDG_DATA="$HOME/.local/share/user-console" XDG_STATE="$HOME/.local/state/user-console"
if [ -f "$XDG_DATA/shared-local-instance.db" ] && [ "$(stat -c %a "$XDG_DATA")" = 700 ]; then pass "the embedded database is in ~/.local/share/user-console (rwx------)"; else fail "no database in $XDG_DATA: $(ls -la "$XDG_DATA" 2>&1 | head -3)"; fi
if [ -s "$XDG_STATE/user-console.log" ] && [ -s "$XDG_STATE/audit.jsonl" ] && [ "$(stat -c %a "$XDG_STATE")" = 700 ]; then pass "the log and the audit log are in ~/.local/state/user-console (rwx------)"; else fail "no log or audit log in $XDG_STATE"; fi
if [ ! -e "$WORK/data" ]; then pass "nothing was stored in the working directory"; else fail "the working directory got data/"; fi

# the console on a real terminal: Lanterna on the trimmed runtime, in a C locale, with only the environment
# an SSH login would give it
command -v tmux >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux >/dev/null 2>&1
TMUX_SOCKET="user-console-smoke-$$"
tmux -L "$TMUX_SOCKET" new-session -d -s smoke -x 80 -y 24 \
  "cd '$WORK' && env -i PATH='$PATH' HOME='$HOME' TERM=xterm-256color '$LAUNCHER' --embedded; echo exit=\$?; sleep 30"
screen_shows() {
  local text="$1" tries=0
  until tmux -L "$TMUX_SOCKET" capture-pane -p -t smoke 2>/dev/null | grep -qF -- "$text"; do
    tries=$((tries + 1)); [ "$tries" -gt 300 ] && return 1; sleep 0.1
  done
}
if screen_shows "Insert user" && screen_shows "Table XdgUsers: ACTIVE"; then pass "the console draws its menu on a terminal, on settings.env's table"; else fail "the console: $(tmux -L "$TMUX_SOCKET" capture-pane -p -t smoke 2>&1 | head -5)"; fi
tmux -L "$TMUX_SOCKET" send-keys -t smoke q
if screen_shows "exit=0"; then pass "q quits the console with exit code 0"; else fail "the console did not quit"; fi
tmux -L "$TMUX_SOCKET" capture-pane -p -t smoke >"$WORK/screen" 2>/dev/null && keep_output smoke-installed-screen.txt "$WORK/screen"
tmux -L "$TMUX_SOCKET" kill-server 2>/dev/null

MAN_OUT="$(MANWIDTH=80 man -l "$RELEASE/share/man/man1/user-console.1" 2>"$WORK/man.err")"
if [[ "$MAN_OUT" == *"user-console - manage the user accounts"* && "$MAN_OUT" == *"ENVIRONMENT"* ]] && [ ! -s "$WORK/man.err" ]; then pass "man -l renders the man page"; else fail "man -l: $(head -c 300 "$WORK/man.err")"; fi
COMPLETE="$(bash -c 'source "$1" && complete -p user-console' _ "$RELEASE/share/bash-completion/completions/user-console" 2>&1)"
if [[ "$COMPLETE" == "complete "*" user-console" ]]; then pass "the bash completion registers: $COMPLETE"; else fail "bash completion: $COMPLETE"; fi

DEB="$(echo "$(dirname "$INSTALLED")"/user-console_*_amd64.deb)"
if [ -f "$DEB" ] && dpkg-deb -x "$DEB" "$WORK/deb"; then
  pass "the .deb unpacks with dpkg-deb -x"
  if [ "$(dpkg-deb -f "$DEB" Package)" = user-console ] && ! dpkg-deb -f "$DEB" Depends | grep -q -i -e libx11 -e libasound -e libfreetype; then pass "the .deb is user-console and needs no X11, sound or fonts: $(dpkg-deb -f "$DEB" Depends)"; else fail "the .deb's control: $(dpkg-deb -f "$DEB" Package Depends)"; fi
  DEB_OUT="$(USER_CONSOLE_JAVA_OPTS=-Xshare:on "$WORK/deb/usr/bin/user-console" --version 2>&1)"
  if [ "$DEB_OUT" = "$OUT" ] || [[ "$DEB_OUT" == "user-console "*"(commit "* ]]; then pass "the .deb's /usr/bin/user-console --version, from its start-up archive: $DEB_OUT"; else fail "the .deb's --version: $DEB_OUT"; fi
  DEB_HELP="$("$WORK/deb/usr/bin/user-console" --help 2>&1)"
  if [[ "$DEB_HELP" == *"Usage: user-console"*"create-table"* ]]; then pass "the .deb's --help lists the commands"; else fail "the .deb's --help: $(printf '%s' "$DEB_HELP" | head -3)"; fi
  MAN_OUT="$(MANWIDTH=80 man -l "$WORK/deb/usr/share/man/man1/user-console.1.gz" 2>&1)"
  if [[ "$MAN_OUT" == *"user-console - manage the user accounts"* ]]; then pass "the .deb's man page renders"; else fail "the .deb's man page: $(printf '%s' "$MAN_OUT" | head -3)"; fi
  COMPLETE="$(bash -c 'source "$1" && complete -p user-console' _ "$WORK/deb/usr/share/bash-completion/completions/user-console" 2>&1)"
  if [[ "$COMPLETE" == "complete "*" user-console" ]]; then pass "the .deb's bash completion registers"; else fail "the .deb's bash completion: $COMPLETE"; fi
else
  fail "no .deb beside $INSTALLED, or it does not unpack"
fi
fi # installed

if [ "$ENGINE" = dynalite ]; then
  echo "== starting dynalite $DYNALITE_VERSION (loopback, in memory)"
  start_dynalite "$WORK" || { fail "dynalite did not start"; exit 1; }
else
  echo "== starting DynamoDB Local (loopback, in memory)"
  start_dynamodb_local "$LAUNCHER" "$WORK" || { fail "DynamoDB Local did not start"; exit 1; }
fi
echo "      $ENDPOINT"
E=(--endpoint "$ENDPOINT")

if runs table; then
echo "== table"
check "create-table" 0 "" "${E[@]}" create-table
expect "create-table reports creation" "Created table SmokeUsers (ACTIVE" stderr
refute "no DynamoDB Local banner or SLF4J warning on the terminal" "Initializing DynamoDB Local"
refute "no SLF4J warning on the terminal" "SLF4J"
check "create-table again" 0 "" "${E[@]}" create-table
expect "second create-table says it exists" "already exists (ACTIVE)" stderr
check "describe-table" 0 "" "${E[@]}" describe-table
expect "describe-table names the endpoint" "endpoint $ENDPOINT" stdout
expect "describe-table shows billing mode" "PROVISIONED" stdout

fi # table
if runs installed; then
echo "== HTTPS from the release's own runtime: TLS 1.2, ECDHE, an ECDSA certificate, its own trust store"
if start_tls_proxy "$WORK" "$ENDPOINT"; then
  "$RELEASE/lib/runtime/bin/keytool" -importcert -noprompt -alias smoke -file "$WORK/tls.crt" -storetype PKCS12 \
    -keystore "$WORK/trust.p12" -storepass smoke-trust >/dev/null 2>&1
  TRUST="-Djavax.net.ssl.trustStore=$WORK/trust.p12 -Djavax.net.ssl.trustStorePassword=smoke-trust"
  HTTPS=(--endpoint "https://localhost:$TLS_PORT")
  USER_CONSOLE_JAVA_OPTS="$TRUST" check "list over HTTPS, the certificate trusted" 0 "" "${HTTPS[@]}" list
  if grep -q '^TLSv1.2 ECDHE-ECDSA-' "$WORK/tls.log"; then pass "the runtime negotiated $(head -n 1 "$WORK/tls.log")"; else fail "TLS: $(cat "$WORK/tls.log")"; fi
  check "an untrusted certificate is refused" 3 $'tls-smoke-pass\n' "${HTTPS[@]}" insert --email tls@example.com --first-name T --last-name Ls --password-stdin
  expect "the refusal says why, and that nothing was written" "was refused: no certificate authority this program trusts signed it; check the address, and if a proxy inspects TLS here" stderr
  expect "nothing was written" "Nothing was written." stderr
  USER_CONSOLE_JAVA_OPTS="$TRUST" check "a certificate for another host is refused" 3 "" --endpoint "https://127.0.0.1:$TLS_PORT" list
  expect "the refusal names the reason" "was refused: it names another host" stderr
  check "the refused insert wrote nothing" 1 "" "${E[@]}" get --email tls@example.com
  kill "$TLS_PID" 2>/dev/null
else
  fail "the TLS proxy did not start"
fi
fi # installed, HTTPS
if runs crud; then
echo "== insert, list, get"
check "insert" 0 $'first-password\n' "${E[@]}" insert --email " Alice@Example.com " --first-name Alice --last-name Smith --password-stdin
expect "insert says what it created" "Created user alice@example.com (Alice Smith)" stderr
check "duplicate insert is refused" 1 $'other-password\n' "${E[@]}" insert --email alice@example.com --first-name A --last-name B --password-stdin
expect "duplicate insert explains" "already exists" stderr
check "list" 0 "" "${E[@]}" list
expect "list shows the user" "alice@example.com  Alice" stdout
refute "list shows no hash" '$2a$'
check "list as csv" 0 "" "${E[@]}" list --format csv
expect "csv has the header" "emailAddress,firstName,lastName,dateCreated,dateUpdated,locked" stdout
check "get as json" 0 "" "${E[@]}" get --email ALICE@example.com --format json
expect "get returns the user" '"emailAddress":"alice@example.com","firstName":"Alice","lastName":"Smith"' stdout
refute "get shows no hash" 'password'

fi # crud
if runs passwords; then
echo "== passwords"
check "check-password right" 0 $'first-password\n' "${E[@]}" check-password --email alice@example.com --password-stdin
check "check-password wrong" 1 $'wrong-password\n' "${E[@]}" check-password --email alice@example.com --password-stdin
expect "wrong password is said so" "Password does not match." stderr

fi # passwords
if runs update; then
echo "== update"
check "update name and password" 0 $'second-password\n' "${E[@]}" update --email alice@example.com --first-name Alicia --new-password --password-stdin
check "new password matches" 0 $'second-password\n' "${E[@]}" check-password --email alice@example.com --password-stdin
check "old password no longer matches" 1 $'first-password\n' "${E[@]}" check-password --email alice@example.com --password-stdin
check "get after update" 0 "" "${E[@]}" get --email alice@example.com --format jsonl
expect "name was changed" '"firstName":"Alicia","lastName":"Smith"' stdout
check "update of a missing user is refused" 1 "" "${E[@]}" update --email ghost@example.com --first-name Ghost
expect "missing user is not found" "No user with email ghost@example.com" stderr
check "no item appeared for the missing user" 1 "" "${E[@]}" get --email ghost@example.com
check "nothing to update" 2 "" "${E[@]}" update --email alice@example.com
expect "nothing to update is said so" "Nothing to update" stderr

fi # update
if runs delete; then
echo "== delete"
check "delete" 0 "" "${E[@]}" delete --email alice@example.com --yes
check "delete again is not found" 1 "" "${E[@]}" delete --email alice@example.com --yes
check "list is empty" 0 "" "${E[@]}" list --format jsonl
expect "list counts zero" "0 users." stderr

fi # delete
if runs invalid; then
echo "== invalid input"
check "invalid email" 2 $'long-enough\n' "${E[@]}" insert --email not-an-email --first-name A --last-name B --password-stdin
expect "invalid email is explained" "email:" stderr
check "short password" 2 $'short\n' "${E[@]}" insert --email bob@example.com --first-name Bob --last-name Jones --password-stdin
check "password over 72 bytes" 2 "$(printf 'p%.0s' $(seq 1 73))"$'\n' "${E[@]}" insert --email bob@example.com --first-name Bob --last-name Jones --password-stdin
check "a common password is refused" 2 $'password1\n' "${E[@]}" insert --email bob@example.com --first-name Bob --last-name Jones --password-stdin
expect "a common password is refused with its reason" "error: password: is one of the 30,000 most common passwords, which attackers try first" stderr
check "the user's own name as password is refused" 2 $'Jones1984\n' "${E[@]}" insert --email bob@example.com --first-name Bob --last-name Jones --password-stdin
expect "the user's own name is named as the reason" "password: must not be the user's last name" stderr
MIN_PASSWORD_LENGTH=15 check "MIN_PASSWORD_LENGTH=15 refuses a 14-character password" 2 $'fourteen-chars\n' "${E[@]}" insert --email bob@example.com --first-name Bob --last-name Jones --password-stdin
expect "the raised minimum is the reason" "password: must be at least 15 characters" stderr
check "empty first name" 2 $'long-enough\n' "${E[@]}" insert --email bob@example.com --first-name "  " --last-name Jones --password-stdin
check "control characters in a name" 2 $'long-enough\n' "${E[@]}" insert --email bob@example.com --first-name $'Bob\e[31m' --last-name Jones --password-stdin
check "password without a terminal or --password-stdin" 2 "" "${E[@]}" insert --email bob@example.com --first-name Bob --last-name Jones
check "unknown option" 2 "" "${E[@]}" list --colour
check "malformed endpoint" 2 "" --endpoint not-a-url list
check "nothing was written by invalid input" 0 "" "${E[@]}" list
expect "still no users" "0 users." stderr

fi # invalid
if runs unreachable; then
echo "== unreachable endpoint and missing table"
START=$(date +%s)
check "unreachable endpoint" 3 "" --endpoint http://127.0.0.1:1 list
expect "unreachable is explained" "cannot be reached" stderr
if [ $(( $(date +%s) - START )) -le 15 ]; then pass "unreachable reported within 15 s"; else fail "unreachable took too long"; fi
check "missing table" 3 "" "${E[@]}" --table NoSuchTable list
expect "missing table is explained" 'The table "NoSuchTable" does not exist' stderr

fi # unreachable
if runs import; then
echo "== import and export"
# A bcrypt hash of migrated-pass-1 made by bcryptjs 2.4.3 (the library of the Node app this replaces).
MIGRATED_HASH='$2a$10$8WxfWHSMkj7qAX5eSS304uwmKnZFaTIbpWqK01QwB7/sLQ5AJsNf2'
printf 'email,firstName,lastName,password\nImp1@Example.com,Imp,One,import-pass-1\nimp2@example.com,Imp,Two,import-pass-2\nimp3@example.com,Imp,Three,import-pass-3\n' >"$WORK/users.csv"
printf '{"email":"migrated@example.com","firstName":"Mig","lastName":"Rated","passwordHash":"%s"}\n' "$MIGRATED_HASH" >"$WORK/users.jsonl"
check "import a CSV of 3 users with plaintext passwords" 0 "" "${E[@]}" import "$WORK/users.csv"
expect "the summary counts 3 imported" "Imported 3, skipped 0 (already existed), invalid 0, failed 0." stderr
check "import JSON Lines with a bcrypt hash" 0 "" "${E[@]}" import "$WORK/users.jsonl"
expect "the summary counts 1 imported" "Imported 1, skipped 0 (already existed), invalid 0, failed 0." stderr
check "import the CSV again" 0 "" "${E[@]}" import "$WORK/users.csv"
expect "the second import skips all 3" "Imported 0, skipped 3 (already existed), invalid 0, failed 0." stderr
check "export as JSON Lines" 0 "" "${E[@]}" export
expect "export counts 4 users" "Exported 4 users" stderr
expect "the export has a CSV user, its email normalised" '"emailAddress":"imp1@example.com","firstName":"Imp","lastName":"One"' stdout
expect "the export has the migrated user" '"emailAddress":"migrated@example.com","firstName":"Mig","lastName":"Rated"' stdout
refute "the export shows no hash" '$2a$'
check "export as CSV" 0 "" "${E[@]}" export --format csv
expect "the CSV export has the users" "imp3@example.com,Imp,Three," stdout
expect "the CSV export has the migrated user" "migrated@example.com,Mig,Rated," stdout
check "check-password on an imported user" 0 $'import-pass-2\n' "${E[@]}" check-password --email imp2@example.com --password-stdin
check "check-password on the migrated hash" 0 $'migrated-pass-1\n' "${E[@]}" check-password --email migrated@example.com --password-stdin
check "a wrong password on the migrated hash" 1 $'import-pass-1\n' "${E[@]}" check-password --email migrated@example.com --password-stdin
expect "the wrong password is said so" "Password does not match." stderr

fi # import
if runs lock; then
echo "== lock and reset"
# Locking prefixes the stored hash with "!": the original app (bcryptjs 2.4.3), bcryptjs 3 and Python's bcrypt
# must all refuse the old password while locked and accept it again after unlock.
LOCK_AUDIT="$WORK/logs/audit.jsonl"
check "insert a user to lock" 0 $'lock-pass-1\n' "${E[@]}" insert --email lock@example.com --first-name Lock --last-name Able --password-stdin
check "lock" 0 "" "${E[@]}" lock --email lock@example.com --reason "smoke test"
expect "lock says so" "Locked user lock@example.com: no password matches until it is unlocked." stderr
check "locking it again is refused" 1 "" "${E[@]}" lock --email lock@example.com
expect "the refusal says it is locked already" "User lock@example.com is already locked (since " stderr
check "check-password on the locked user" 1 $'lock-pass-1\n' "${E[@]}" check-password --email lock@example.com --password-stdin
expect "check-password says it is locked" "User lock@example.com is locked (since " stderr
check "list as csv" 0 "" "${E[@]}" list --format csv
expect "list marks the locked user" "lock@example.com,Lock,Able," stdout
if printf '%s\n' "$OUT" | grep -q '^lock@example.com,.*,true$'; then pass "its locked column is true"; else fail "its locked column is not true"; fi
check "export" 0 "" "${E[@]}" export
expect "export marks the locked user" '"emailAddress":"lock@example.com","firstName":"Lock","lastName":"Able",' stdout
if printf '%s\n' "$OUT" | grep '"lock@example.com"' | grep -q '"locked":true'; then pass "the export says locked"; else fail "the export does not say locked"; fi
check "export the locked hash" 0 "" "${E[@]}" export --include-password-hashes --output "$WORK/locked.jsonl"
if grep '"lock@example.com"' "$WORK/locked.jsonl" | grep -q '"passwordHash":"!\$2a\$10\$'; then pass "the stored hash has the ! prefix"; else fail "the stored hash has no ! prefix"; fi
export CANDIDATE_PASSWORD=lock-pass-1
witness "bcryptjs $BCRYPTJS_VERSION: the old password does not match the locked hash" 1 bcryptjs_matches "$WORK/locked.jsonl" lock@example.com
witness "bcryptjs $BCRYPTJS3_VERSION: the old password does not match the locked hash" 1 bcryptjs_matches "$WORK/locked.jsonl" lock@example.com "$BCRYPTJS3_VERSION"
# Python's bcrypt does not answer false: it raises ValueError ("Invalid salt") on the locked hash
witness "Python bcrypt raises on the locked hash" 3 python_bcrypt_matches "$WORK/locked.jsonl" lock@example.com
REFUSAL="$(grep 'ValueError' "$WORK/witness.err")"
if [ -n "$REFUSAL" ]; then pass "Python bcrypt's refusal: $REFUSAL"; else fail "Python bcrypt did not raise a ValueError"; fi
check "unlock" 0 "" "${E[@]}" unlock --email lock@example.com
expect "unlock says so" "Unlocked user lock@example.com: its password works again." stderr
check "unlocking it again is refused" 1 "" "${E[@]}" unlock --email lock@example.com
check "the old password works again" 0 $'lock-pass-1\n' "${E[@]}" check-password --email lock@example.com --password-stdin
check "export the unlocked hash" 0 "" "${E[@]}" export --include-password-hashes --output "$WORK/unlocked.jsonl"
witness "bcryptjs $BCRYPTJS_VERSION: the old password matches again" 0 bcryptjs_matches "$WORK/unlocked.jsonl" lock@example.com
witness "bcryptjs $BCRYPTJS3_VERSION: the old password matches again" 0 bcryptjs_matches "$WORK/unlocked.jsonl" lock@example.com "$BCRYPTJS3_VERSION"
witness "Python bcrypt: the old password matches again" 0 python_bcrypt_matches "$WORK/unlocked.jsonl" lock@example.com
check "lock before a reset" 0 "" "${E[@]}" lock --email lock@example.com
check "reset-password on the locked user" 0 "" "${E[@]}" reset-password --email lock@example.com
KEPT_LOCKED="$OUT"
if [ "$(printf '%s\n' "$OUT" | wc -l)" -eq 1 ] && [[ "$OUT" =~ ^[2-9A-HJ-NP-Za-km-np-z]{20}$ ]]; then pass "the new password is one line of 20 unambiguous characters"; else fail "reset-password printed something else"; fi
expect "reset-password says the user is still locked" "The user is still locked" stderr
check "the reset password does not open the locked user" 1 "$KEPT_LOCKED"$'\n' "${E[@]}" check-password --email lock@example.com --password-stdin
check "reset-password --passphrase --unlock" 0 "" "${E[@]}" reset-password --email lock@example.com --passphrase --unlock
PASSPHRASE="$OUT"
if [[ "$PASSPHRASE" =~ ^[a-z]{4,8}(-[a-z]{4,8}){4}$ ]]; then pass "the passphrase is 5 words"; else fail "the passphrase is not 5 words"; fi
expect "reset-password says the user is unlocked" "The user is unlocked." stderr
check "the passphrase matches" 0 "$PASSPHRASE"$'\n' "${E[@]}" check-password --email lock@example.com --password-stdin
check "export the reset hash" 0 "" "${E[@]}" export --include-password-hashes --output "$WORK/reset.jsonl"
export CANDIDATE_PASSWORD="$PASSPHRASE"
witness "bcryptjs $BCRYPTJS_VERSION: the reset password verifies" 0 bcryptjs_matches "$WORK/reset.jsonl" lock@example.com
witness "bcryptjs $BCRYPTJS3_VERSION: the reset password verifies" 0 bcryptjs_matches "$WORK/reset.jsonl" lock@example.com "$BCRYPTJS3_VERSION"
witness "Python bcrypt: the reset password verifies" 0 python_bcrypt_matches "$WORK/reset.jsonl" lock@example.com
unset CANDIDATE_PASSWORD
if grep -rqF -e "$KEPT_LOCKED" -e "$PASSPHRASE" "$WORK/logs"; then fail "a reset password is in the audit log or the program's log"; else pass "no reset password in the audit log or the program's log"; fi
if grep -q '"action":"reset-password"' "$LOCK_AUDIT" && grep -q '"action":"lock"' "$LOCK_AUDIT" && grep -q '"action":"unlock"' "$LOCK_AUDIT"; then pass "lock, unlock and reset-password are audited"; else fail "lock, unlock or reset-password is not audited"; fi
check "delete the locked-and-reset user" 0 "" "${E[@]}" delete --email lock@example.com --yes

fi # lock
if runs bulk; then
echo "== many users at once: a bulk password reset, checked by bcryptjs and Python's bcrypt"
check "insert a first user to reset" 0 $'bulk-pass-1\n' "${E[@]}" insert --email bulk1@corp.example --first-name Bulk --last-name One --password-stdin
check "insert a second user to reset" 0 $'bulk-pass-2\n' "${E[@]}" insert --email bulk2@corp.example --first-name Bulk --last-name Two --password-stdin
check "a bulk reset with the wrong count is refused" 2 "" "${E[@]}" reset-password --filter domain:corp.example --yes --expect 3 --passwords-to "$WORK/new-passwords.csv"
if [ -e "$WORK/new-passwords.csv" ]; then fail "a refused bulk reset made a passwords file"; else pass "a refused bulk reset makes no passwords file"; fi
check "reset-password --filter" 0 "" "${E[@]}" reset-password --filter domain:corp.example --yes --expect 2 --passwords-to "$WORK/new-passwords.csv"
expect "the bulk reset says what it did" "Reset 2; skipped because changed 0, not found 0, unchanged 0, failed 0." stderr
BULK_SHOWN="$OUT$ERR"
if [ "$(stat -c %a "$WORK/new-passwords.csv")" = 600 ]; then pass "the passwords file is rw-------"; else fail "the passwords file is $(stat -c %a "$WORK/new-passwords.csv"), not 600"; fi
check "export the bulk-reset hashes" 0 "" "${E[@]}" export --include-password-hashes --output "$WORK/bulk-reset.jsonl"
for who in bulk1 bulk2; do
  export CANDIDATE_PASSWORD="$(grep "^$who@corp.example," "$WORK/new-passwords.csv" | cut -d, -f2)"
  if [[ "$CANDIDATE_PASSWORD" =~ ^[2-9A-HJ-NP-Za-km-np-z]{20}$ ]]; then pass "$who's new password is 20 unambiguous characters"; else fail "$who's new password is not in the file as expected"; fi
  if [[ "$BULK_SHOWN" == *"$CANDIDATE_PASSWORD"* ]] || grep -rqF -e "$CANDIDATE_PASSWORD" "$WORK/logs"; then fail "$who's new password was shown or logged"; else pass "$who's new password is only in the file"; fi
  witness "bcryptjs $BCRYPTJS_VERSION: $who's new password verifies" 0 bcryptjs_matches "$WORK/bulk-reset.jsonl" "$who@corp.example"
  witness "Python bcrypt: $who's new password verifies" 0 python_bcrypt_matches "$WORK/bulk-reset.jsonl" "$who@corp.example"
done
unset CANDIDATE_PASSWORD
check "delete --filter removes both" 0 "" "${E[@]}" delete --filter domain:corp.example --yes --expect 2
expect "the bulk delete says so" "Deleted 2;" stderr

fi # bulk
if runs unicode; then
echo "== non-ASCII names and passwords"
# Under LC_ALL=C (scripts/test.sh runs this section so too) the JVM would read and write ASCII: names and the
# password must still arrive, be stored and be hashed exactly as typed. Written here as UTF-8 bytes.
UNICODE_PASSWORD='pässwörd€'
MANGLED_PASSWORD='p??ssw??rd?' # what an ASCII decoder makes of it
check "insert José Zoë with password pässwörd€" 0 "$UNICODE_PASSWORD"$'\n' "${E[@]}" insert --email jose@example.com --first-name José --last-name Zoë --password-stdin
expect "insert names them exactly" "Created user jose@example.com (José Zoë)." stderr
check "check-password matches with the same bytes" 0 "$UNICODE_PASSWORD"$'\n' "${E[@]}" check-password --email jose@example.com --password-stdin
check "check-password refuses the ASCII-mangled password" 1 "$MANGLED_PASSWORD"$'\n' "${E[@]}" check-password --email jose@example.com --password-stdin
check "list as json, filtered by a non-ASCII text" 0 "" "${E[@]}" list --format json --filter JOSÉ
expect "list shows José exactly" '"emailAddress":"jose@example.com","firstName":"José","lastName":"Zoë"' stdout
check "get" 0 "" "${E[@]}" get --email jose@example.com
expect "get shows Zoë" "José       Zoë" stdout
check "export with hashes" 0 "" "${E[@]}" export --include-password-hashes --output "$WORK/unicode-users.jsonl"
CANDIDATE_PASSWORD="$UNICODE_PASSWORD" bcryptjs_matches "$WORK/unicode-users.jsonl" jose@example.com
case $? in
  0) pass "bcryptjs: the stored hash is of pässwörd€" ;;
  1) fail "bcryptjs: the stored hash is not of pässwörd€" ;;
  *) fail "bcryptjs could not check the stored hash" ;;
esac
CANDIDATE_PASSWORD="$MANGLED_PASSWORD" bcryptjs_matches "$WORK/unicode-users.jsonl" jose@example.com
if [ $? -eq 1 ]; then pass "bcryptjs: the stored hash is not of $MANGLED_PASSWORD"; else fail "bcryptjs: the hash matches $MANGLED_PASSWORD"; fi
check "a password that is not UTF-8 is refused" 2 $'\xff\xfe\n' "${E[@]}" insert --email bytes@example.com --first-name Bytes --last-name Zoë --password-stdin
expect "the refusal says why" "password: standard input is not valid UTF-8 text" stderr
check "nothing was stored for it" 1 "" "${E[@]}" get --email bytes@example.com
check "an argument that is not UTF-8 (Latin-1 Zo\xeb) is refused" 2 $'long-enough\n' "${E[@]}" insert --email latin1@example.com --first-name $'Zo\xeb' --last-name B --password-stdin
expect "the refusal names the argument, not its value" "Argument 7 is not valid UTF-8 text (it is not shown: it might be a secret)." stderr
check "nothing was stored for that" 1 "" "${E[@]}" get --email latin1@example.com
printf 'email,firstName,lastName,password\nnunez@example.com,Ñúñez,Zoë,%s\n' "$UNICODE_PASSWORD" >"$WORK/Zoë Ñúñez.csv"
check "import from a file with a non-ASCII name" 0 "" "${E[@]}" import "$WORK/Zoë Ñúñez.csv"
check "the imported user" 0 "" "${E[@]}" get --email nunez@example.com --format jsonl
expect "the imported names are exact" '"firstName":"Ñúñez","lastName":"Zoë"' stdout
check "the imported password matches" 0 "$UNICODE_PASSWORD"$'\n' "${E[@]}" check-password --email nunez@example.com --password-stdin

fi # unicode
if runs readonly; then
echo "== read-only mode, audit log, secrets"
check "read-only insert is refused" 1 $'long-enough\n' "${E[@]}" --read-only insert --email ro@example.com --first-name R --last-name O --password-stdin
expect "read-only says so" "Read-only mode (--read-only or READ_ONLY=true)" stderr
READ_ONLY=true check "READ_ONLY=true refuses create-table" 1 "" "${E[@]}" --table ReadOnlyTable create-table
check "read-only wrote nothing" 1 "" "${E[@]}" get --email ro@example.com
check "list works in read-only mode" 0 "" "${E[@]}" --read-only list
check "a mistyped password option is refused" 2 "" "${E[@]}" insert --password hunter2-smoke --email x@example.com --first-name X --last-name Y
refute "the typed password is not echoed" "hunter2-smoke"
expect "the unknown option is named" "Unknown option --password" stderr
AUDIT="$WORK/logs/audit.jsonl"
BEFORE=$(wc -l <"$AUDIT")
PIDS=()
for i in 1 2 3 4 5 6 7 8; do
  printf 'parallel-pass-%s\n' "$i" | "$LAUNCHER" "${E[@]}" insert --email "p$i@example.com" --first-name P --last-name "N$i" --password-stdin >/dev/null 2>&1 &
  PIDS+=("$!")
done
wait "${PIDS[@]}" # not a bare wait: DynamoDB Local is a child of this script too
ADDED=$(( $(wc -l <"$AUDIT") - BEFORE ))
if [ "$ADDED" -eq 8 ]; then pass "8 concurrent processes appended 8 audit lines"; else fail "8 concurrent processes appended $ADDED audit lines"; fi
if grep -qv '^{"time":"[^"]*Z",.*"outcome":"[a-z]*".*}$' "$AUDIT"; then fail "a malformed audit line"; grep -v '^{"time"' "$AUDIT" | head -3; else pass "every audit line is whole"; fi
if grep -q -e 'parallel-pass' -e 'long-enough' -e '\$2a\$' "$AUDIT"; then fail "a password or hash in the audit log"; else pass "no password or hash in the audit log"; fi
mkdir -p "$WORK/envdir"
printf 'AWS_ACCESS_KEY_ID=AKIDSMOKE\nAWS_SECRET_ACCESS_KEY=smoke-secret-key\n' >"$WORK/envdir/.env"
chmod 644 "$WORK/envdir/.env"
(cd "$WORK/envdir" && "$LAUNCHER" "${E[@]}" list >"$WORK/out" 2>"$WORK/err")
ERR="$(cat "$WORK/err")"; OUT=""
expect "a .env others can read is warned about" "chmod 600" stderr
refute "the warning does not show the key" "smoke-secret-key"

fi # readonly
if runs backup; then
echo "== backup and restore"
BACKUP="$WORK/smoke-backup.json.gz"
check "count the users to back up" 0 "" "${E[@]}" list --format jsonl
COUNT="$(printf '%s\n' "$OUT" | grep -c '^{')"
check "backup" 0 "" "${E[@]}" backup --output "$BACKUP"
expect "backup says what it wrote" "Backed up $COUNT items to $BACKUP." stderr
if [ -z "$OUT" ]; then pass "backup writes nothing to stdout"; else fail "backup wrote to stdout"; fi
refute "backup shows no hash" '$2a$'
if [ "$(stat -c %a "$BACKUP" 2>/dev/null)" = 600 ]; then pass "the backup file is rw-------"; else fail "the backup file is $(stat -c %A "$BACKUP")"; fi
if gzip -dc "$BACKUP" | grep -qv '^{"Item":{'; then fail "a backup line is not DynamoDB JSON"; else pass "the backup is gzip DynamoDB JSON"; fi
check "backup to an existing file is refused" 2 "" "${E[@]}" backup --output "$BACKUP"
check "restore target table" 0 "" "${E[@]}" --table SmokeRestored create-table
check "restore" 0 "" "${E[@]}" --table SmokeRestored restore "$BACKUP"
expect "restore counts every item" "Restored $COUNT, already there 0, conflicts 0 (kept), invalid 0, failed 0." stderr
check "list the backed-up table" 0 "" "${E[@]}" list --format jsonl
ORIGINAL="$(printf '%s\n' "$OUT" | sort)"
check "list the restored table" 0 "" "${E[@]}" --table SmokeRestored list --format jsonl
if [ -n "$ORIGINAL" ] && [ "$ORIGINAL" = "$(printf '%s\n' "$OUT" | sort)" ]; then pass "the restored table lists the same users, dates included"; else fail "the restored table differs"; fi
check "a restored password still matches" 0 $'import-pass-2\n' "${E[@]}" --table SmokeRestored check-password --email imp2@example.com --password-stdin
check "restore again" 0 "" "${E[@]}" --table SmokeRestored restore "$BACKUP"
expect "a re-run finds everything already there" "Restored 0, already there $COUNT, conflicts 0 (kept), invalid 0, failed 0." stderr
check "read-only restore is refused" 1 "" "${E[@]}" --read-only --table SmokeRestored restore "$BACKUP"

fi # backup
if runs embedded; then
echo "== embedded database keeps its data between runs"
check "embedded create-table" 0 "" --embedded --data-dir "$WORK/data" create-table
check "embedded insert" 0 $'embedded-pass\n' --embedded --data-dir "$WORK/data" insert --email kept@example.com --first-name Kept --last-name User --password-stdin
refute "embedded: no banner on the terminal" "Initializing DynamoDB Local"
check "embedded list in a new process" 0 "" --embedded --data-dir "$WORK/data" list --format csv
expect "the user is still there" "kept@example.com,Kept,User" stdout
fi # embedded
if [ -s "$WORK/logs/user-console.log" ]; then pass "logs went to logs/user-console.log"; else fail "no log file"; fi

echo
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
