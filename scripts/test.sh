#!/usr/bin/env bash
# `npm test`: every check, in the order that fails fastest. The e2e suite needs a PostgreSQL
# server (the embedded PGlite cannot be shared with the admin command the tests run), so when
# DATABASE_URL is unset we start this machine's PostgreSQL 15 and make a scratch database.
set -euo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1
export E2E_PORT="${E2E_PORT:-3100}"
export SITE_URL="${SITE_URL:-http://127.0.0.1:$E2E_PORT}"

if [ -z "${DATABASE_URL:-}" ]; then
  eval "$(scripts/local-postgres.sh)"
fi
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-$DATABASE_URL}"

# The ATT&CK catalogue for the matrix, Navigator layers and search (tests pin v18.1).
npm run attack:sync -- --bundle "${ATTACK_BUNDLE:-../shared/attack/enterprise-attack-18.1.json}"

npm run lint
npm run typecheck
npm run test:unit
npm run build
rm -rf test-results/outbox
npm run test:e2e
npm run test:leaks
