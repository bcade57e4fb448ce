#!/usr/bin/env bash
# The whole test suite: unit, integration and screen tests (JUnit, against DynamoDB Local), then the
# smoke test of the scriptable commands and the end-to-end test of the console under tmux.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -B verify
scripts/smoke-test.sh
scripts/tui-e2e.sh
