#!/usr/bin/env bash
# Runs once, when the postgres container initialises an empty data directory: creates the router's runtime
# login role. It owns nothing; the router's schema owner (POSTGRES_USER) grants it INSERT/SELECT on the ledger
# and never UPDATE or DELETE (docs/adr/0008).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v role=hub_router -v password="$AGENCYHUB_POSTGRES_ROUTER_PASSWORD" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
SQL
