#!/usr/bin/env bash
# Certificates for docker-compose.yml's TLS hops, from a throwaway CA made here: AMQPS to the broker and TLS to
# Postgres, each verified by every client against that CA (SSL Mode=VerifyFull, Broker:Tls:CaFile).
#
#   bash deploy/tls/make-compose-certs.sh         # before the first `docker compose up`; kept in deploy/tls/compose/
#   bash deploy/tls/make-compose-certs.sh DIR     # into DIR/tls instead (the tests use this)
#
# Writes deploy/tls/compose/tls/{ca.pem, ca.key, server.pem, server.key}: one server certificate naming both services
# (rabbitmq, postgres) and localhost. Made once; delete the folder to make new ones. For a real deployment use
# certificates from your organisation's CA instead (docs/security.md, deployment checklist).
set -euo pipefail
out=$(realpath -m "${1:-$(dirname "$0")/compose}")
cd "$(dirname "$0")/../.."
# shellcheck source=../../scripts/servers/lib.sh
. scripts/servers/lib.sh
LOG_TAG=compose-tls
ensure_test_tls "$out" "DNS:rabbitmq,DNS:postgres,DNS:localhost,IP:127.0.0.1"
# The key stays private to you: the broker's and Postgres's entrypoints start as root, copy it and give the copy to
# the server's own user.
log "CA and server certificate in $out/tls (trust ca.pem)"
