#!/usr/bin/env bash
# Runs once, when docker-compose.yml's Postgres initialises its data folder: a connection over TCP without TLS is
# refused before any password is asked (first matching line wins). Clients verify the server too (SSL Mode=VerifyFull).
set -euo pipefail
sed -i '1i hostnossl all all all reject' "$PGDATA/pg_hba.conf"
