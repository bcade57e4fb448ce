#!/usr/bin/env bash
# The whole test suite: unit, integration and screen tests (JUnit, against DynamoDB Local), then the
# smoke test of the scriptable commands, the end-to-end test of the console under tmux, and last a scan
# of every log and captured output for the secrets the tests used.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
rm -rf target/test-output target/test-logs target/test-logs.log # the secrets scan reads only this run's
./mvnw -B verify
scripts/smoke-test.sh
LC_ALL=C LANG=C scripts/smoke-test.sh --pass locale
scripts/smoke-test.sh --engine dynalite --pass engine
scripts/tui-e2e.sh
scripts/secrets-scan.sh
