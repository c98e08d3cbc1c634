#!/usr/bin/env bash
# `npm test`: every check, in the order that fails fastest. The e2e suite needs a PostgreSQL
# server (the embedded PGlite cannot be shared with the admin command the tests run), so when
# DATABASE_URL is unset we start this machine's PostgreSQL 15 and make a scratch database.
# Each stage is timed; at the end (pass or fail) the budget and the ten slowest tests are printed.
set -euo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1
export E2E_PORT="${E2E_PORT:-3100}"
export SITE_URL="${SITE_URL:-http://127.0.0.1:$E2E_PORT}"

REPORTS=test-results/reports
rm -rf "$REPORTS"
mkdir -p "$REPORTS"
trap 'npx tsx scripts/test-report.ts || true' EXIT

# Runs one stage and appends "name<TAB>milliseconds<TAB>status" to the timings file.
stage() {
  local name="$1" start status=passed
  shift
  start=$(date +%s%N)
  echo "── $name: $*"
  "$@" || status=failed
  printf '%s\t%s\t%s\n' "$name" "$((($(date +%s%N) - start) / 1000000))" "$status" >>"$REPORTS/stages.tsv"
  [ "$status" = passed ] || { echo "── $name failed" >&2; exit 1; }
}

if [ -z "${DATABASE_URL:-}" ]; then
  eval "$(scripts/local-postgres.sh)"
fi
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-$DATABASE_URL}"

# The ATT&CK catalogue for the matrix, Navigator layers and search (tests pin v18.1).
stage attack-sync npm run attack:sync -- --bundle "${ATTACK_BUNDLE:-../shared/attack/enterprise-attack-18.1.json}"

stage lint npm run lint
stage types npm run typecheck
stage verify npm run content:verify
stage unit npm run test:unit -- --reporter=default --reporter=json --outputFile.json="$REPORTS/unit.json"
stage build npm run build
rm -rf test-results/outbox
stage e2e npm run test:e2e
stage leaks npm run test:leaks
stage faults npm run test:faults
