#!/usr/bin/env bash
# The whole test suite: unit, integration and screen tests (JUnit, against DynamoDB Local); the release built
# by scripts/package (the archive and the .deb) and the smoke test of the scriptable commands run on it,
# unpacked, with no java or mvn on the PATH; the smoke test's engine pass on the checkout's launcher; the
# end-to-end test of the console under tmux; and last a scan of every log and captured output for the
# secrets the tests used.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
rm -rf target/test-output target/test-logs target/test-logs.log # the secrets scan reads only this run's
# zsh, so that CompletionTest loads the completion script in zsh too (installed as root where missing)
if ! command -v zsh >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zsh ||
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zsh; }; } >/dev/null 2>&1 || true
fi
./mvnw -B verify
scripts/package
RELEASE="$(echo target/dist/user-console-*-linux-x64.tar.gz)"
scripts/smoke-test.sh --installed "$RELEASE"
LC_ALL=C LANG=C scripts/smoke-test.sh --installed "$RELEASE" --pass locale
scripts/smoke-test.sh --engine dynalite --pass engine
scripts/tui-e2e.sh
scripts/secrets-scan.sh
