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
  await_endpoint "$work" "DynamoDB Local listening on" 600
}

# await_endpoint WORKDIR BANNER TENTHS: waits for "BANNER http://..." in WORKDIR/server.out from the
# server started as SERVER_PID; sets ENDPOINT, or prints what the server said and returns non-zero.
await_endpoint() {
  local work="$1" banner="$2" tenths="$3"
  ENDPOINT=""
  for _ in $(seq 1 "$tenths"); do
    ENDPOINT="$(sed -n "s/^$banner \\(http[^ ]*\\).*/\\1/p" "$work/server.out")"
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

# ensure_node_packages PACKAGE@VERSION...: installs npm packages (dynalite, bcryptjs) once into
# $ROOT/.tools/node (or USER_CONSOLE_TOOLS), for the engines and independent checks the tests use.
# Sets NODE_TOOLS to that directory; returns non-zero, saying why, when node or npm is missing or the
# install fails.
ensure_node_packages() {
  NODE_TOOLS="${USER_CONSOLE_TOOLS:-$ROOT/.tools}/node"
  local missing=()
  local spec
  for spec in "$@"; do
    local name="${spec%@*}" version="${spec##*@}"
    local installed
    installed="$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$NODE_TOOLS/node_modules/$name/package.json" 2>/dev/null | head -n 1)"
    [ "$installed" = "$version" ] || missing+=("$spec")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "node and npm are needed for ${missing[*]} and are not on the PATH" >&2
    return 1
  fi
  mkdir -p "$NODE_TOOLS"
  echo "installing ${missing[*]} into $NODE_TOOLS (npm)..." >&2
  if ! npm install --no-audit --no-fund --loglevel=error --prefix "$NODE_TOOLS" "${missing[@]}" >"$NODE_TOOLS/npm.log" 2>&1; then
    tail -n 20 "$NODE_TOOLS/npm.log" >&2
    return 1
  fi
}

# start_dynalite WORKDIR: dynalite (npm, in memory, no transactions, like ScyllaDB Alternator) on
# 127.0.0.1 on a free port, installed first if missing. Sets ENDPOINT and SERVER_PID like
# start_dynamodb_local. (Its own CLI turns --port 0 into 4567, so it is started through its module.)
DYNALITE_VERSION=4.0.0
start_dynalite() {
  local work="$1"
  ensure_node_packages "dynalite@$DYNALITE_VERSION" || return 1
  # dynalite throws on a request its client aborted (ECONNRESET "aborted": a command that exits with a
  # request in flight), which would end the server for every later check; such a request is only logged.
  node -e '
    process.on("uncaughtException", (err) => {
      if (err && err.code === "ECONNRESET") { console.error("a client went away mid-request: " + err.message); return; }
      console.error(err); process.exit(1);
    });
    const server = require(process.argv[1])({ createTableMs: 500 });
    server.listen(0, "127.0.0.1", () => console.log("dynalite listening on http://127.0.0.1:" + server.address().port));
  ' "$NODE_TOOLS/node_modules/dynalite" >"$work/server.out" 2>"$work/server.err" &
  SERVER_PID=$!
  await_endpoint "$work" "dynalite listening on" 300
}

# report_if_server_gone WORKDIR: when the server started as SERVER_PID has exited, says so once, with what
# it printed and its exit status, so a failure that follows its death names the cause.
SERVER_GONE_REPORTED=0
report_if_server_gone() {
  local work="$1"
  [ -n "${SERVER_PID:-}" ] && [ "$SERVER_GONE_REPORTED" -eq 0 ] || return 0
  kill -0 "$SERVER_PID" 2>/dev/null && return 0
  SERVER_GONE_REPORTED=1
  local status=0
  wait "$SERVER_PID" 2>/dev/null || status=$?
  echo "      the database server (pid $SERVER_PID) has exited with status $status; it printed:"
  tail -n 40 "$work/server.out" "$work/server.err" 2>/dev/null | sed 's/^/      server: /'
  for crash in "$work"/hs_err_pid*.log; do
    [ -f "$crash" ] && head -n 30 "$crash" | sed 's/^/      crash: /'
  done
  dmesg 2>/dev/null | grep -i -E 'killed process|out of memory' | tail -n 3 | sed 's/^/      kernel: /'
}

stop_dynamodb_local() {
  if [ -n "${SERVER_PID:-}" ]; then
    kill "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
  fi
}

# bcryptjs_matches FILE EMAIL [VERSION]: an independent witness (bcryptjs from npm, not the program's jBCrypt)
# of whether $CANDIDATE_PASSWORD (from the environment, never an argument) matches EMAIL's hash in FILE, an
# `export --include-password-hashes` file (JSON Lines). Returns 0 on a match, 1 on none, 2 when it cannot
# check (bcryptjs missing, no such user or hash), saying why. VERSION (default 2.4.3, the original app's)
# other than the default is installed into a directory of its own: npm keeps one version per directory.
BCRYPTJS_VERSION=2.4.3
BCRYPTJS3_VERSION=3.0.3
bcryptjs_matches() {
  local version="${3:-$BCRYPTJS_VERSION}" tools
  if [ "$version" = "$BCRYPTJS_VERSION" ]; then
    ensure_node_packages "bcryptjs@$version" || return 2
    tools="$NODE_TOOLS"
  else
    local own="${USER_CONSOLE_TOOLS:-$ROOT/.tools}/bcryptjs-$version"
    (USER_CONSOLE_TOOLS="$own" ensure_node_packages "bcryptjs@$version") || return 2
    tools="$own/node"
  fi
  node -e '
    const [bcryptjs, file, email] = process.argv.slice(1);
    const users = require("fs").readFileSync(file, "utf8").split("\n").filter(Boolean).map(line => JSON.parse(line));
    const user = users.find(u => u.emailAddress === email);
    if (!user || !user.passwordHash) { console.error("no password hash for " + email + " in " + file); process.exit(2); }
    process.exit(require(bcryptjs).compareSync(process.env.CANDIDATE_PASSWORD, user.passwordHash) ? 0 : 1);
  ' "$tools/node_modules/bcryptjs" "$1" "$2"
}

# python_bcrypt_matches FILE EMAIL: the second independent witness, Python's bcrypt (Debian's python3-bcrypt,
# for /usr/bin/python3: the pyenv python3 first on the PATH lacks it; installed here when missing), on
# $CANDIDATE_PASSWORD and EMAIL's hash in FILE as bcryptjs_matches. Returns 0 on a match, 1 on none, 3 when
# bcrypt raises (it refuses a hash it cannot parse, such as a locked one; the error is printed), 2 when it
# cannot check.
python_bcrypt_matches() {
  if ! /usr/bin/python3 -c 'import bcrypt' 2>/dev/null; then
    echo "installing python3-bcrypt (apt-get)..." >&2
    { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-bcrypt \
        || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-bcrypt; } \
        || sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-bcrypt; } >/dev/null 2>&1
    /usr/bin/python3 -c 'import bcrypt' 2>/dev/null || { echo "python3-bcrypt is not installed" >&2; return 2; }
  fi
  /usr/bin/python3 -c '
import bcrypt, json, os, sys
file, email = sys.argv[1:3]
users = [json.loads(line) for line in open(file, encoding="utf-8") if line.strip()]
user = next((u for u in users if u.get("emailAddress") == email), None)
if not user or not user.get("passwordHash"):
    print("no password hash for " + email + " in " + file, file=sys.stderr)
    sys.exit(2)
try:
    sys.exit(0 if bcrypt.checkpw(os.environ["CANDIDATE_PASSWORD"].encode(), user["passwordHash"].encode()) else 1)
except ValueError as e:
    print("bcrypt raised ValueError: " + str(e), file=sys.stderr)
    sys.exit(3)
' "$1" "$2"
}

# start_tls_proxy WORKDIR TARGET_URL: a TLS 1.2 terminator on 127.0.0.1 in front of TARGET_URL (an http://
# endpoint on this machine), with a new ECDSA P-256 certificate for localhost and only the ECDHE-ECDSA cipher
# suite, as a client of AWS must do it (ECDHE, an elliptic-curve signature). Writes the certificate to
# WORKDIR/tls.crt and each connection's protocol and cipher to WORKDIR/tls.log. Sets TLS_PORT and TLS_PID;
# returns non-zero, saying why, when openssl or python3 is missing or it does not start.
start_tls_proxy() {
  local work="$1" target_port="${2##*:}"
  target_port="${target_port%%/*}"
  command -v openssl >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null 2>&1
  command -v openssl >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1 || { echo "openssl and python3 are needed" >&2; return 1; }
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=localhost \
    -addext subjectAltName=DNS:localhost -keyout "$work/tls.key" -out "$work/tls.crt" >/dev/null 2>&1 ||
    { echo "openssl could not make a certificate" >&2; return 1; }
  python3 -c '
import socket, ssl, sys, threading
cert, key, port, log = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(cert, key)
context.maximum_version = ssl.TLSVersion.TLSv1_2
context.set_ciphers("ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384")
server = socket.create_server(("127.0.0.1", 0))
print("tls proxy listening on https://localhost:%d" % server.getsockname()[1], flush=True)
def pipe(source, sink):
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass
    finally:
        for end in (source, sink):
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
def serve(client):
    try:
        tls = context.wrap_socket(client, server_side=True)
    except (ssl.SSLError, OSError) as e:
        with open(log, "a") as out: out.write("handshake failed: %s\n" % e)
        client.close()
        return
    with open(log, "a") as out: out.write("%s %s\n" % (tls.version(), tls.cipher()[0]))
    upstream = socket.create_connection(("127.0.0.1", port))
    threading.Thread(target=pipe, args=(tls, upstream), daemon=True).start()
    pipe(upstream, tls)
while True:
    client, _ = server.accept()
    threading.Thread(target=serve, args=(client,), daemon=True).start()
' "$work/tls.crt" "$work/tls.key" "$target_port" "$work/tls.log" >"$work/tls.out" 2>"$work/tls.err" &
  TLS_PID=$!
  local banner=""
  for _ in $(seq 1 100); do
    banner="$(sed -n 's/^tls proxy listening on https:\/\/localhost:\([0-9]*\)$/\1/p' "$work/tls.out")"
    [ -n "$banner" ] && { TLS_PORT="$banner"; return 0; }
    kill -0 "$TLS_PID" 2>/dev/null || break
    sleep 0.1
  done
  cat "$work/tls.err" >&2
  return 1
}
