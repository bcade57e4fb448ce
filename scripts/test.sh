#!/usr/bin/env bash
# The whole test suite: unit and integration tests (JUnit, against DynamoDB Local), then the smoke test.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -B verify
scripts/smoke-test.sh
