#!/usr/bin/env bash
# Starts the machine's PostgreSQL (Debian's postgresql-15) if needed, creates a role and a
# scratch database for the tests, and prints `export DATABASE_URL=...` for eval.
set -euo pipefail
DB="${ATLAS_TEST_DB:-atlas_test}"
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "echo 'PostgreSQL is not installed: set DATABASE_URL to a PostgreSQL server for the e2e tests' >&2; exit 1"
  exit 0
fi
pg_ctlcluster --skip-systemctl-redirect 15 main start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 0.5; done
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sh -c "$1"; fi; }
as_postgres "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='atlas'\"" | grep -q 1 ||
  as_postgres "psql -qc \"CREATE ROLE atlas LOGIN PASSWORD 'atlas' CREATEDB\"" >&2
as_postgres "psql -qc 'DROP DATABASE IF EXISTS $DB WITH (FORCE)'" >&2
as_postgres "psql -qc 'CREATE DATABASE $DB OWNER atlas'" >&2
echo "export DATABASE_URL=postgresql://atlas:atlas@127.0.0.1:5432/$DB"
