#!/usr/bin/env bash
# Entrypoint of the rabbitmq service in docker-compose.yml: write the hub's broker settings, start the broker with the
# image's own entrypoint, apply the hub's definitions (vhost, users from AGENCYHUB_BROKER_PASSWORD_*, permissions,
# quorum queues) once it answers, then stay in the foreground with it.
set -euo pipefail

# The hub's broker settings, and its definitions loaded at boot so that no guest user is seeded (rabbitmq.conf). The
# image's own conf.d/10-defaults.conf lets guest log in from anywhere; this file comes after it and wins.
{
    cat /opt/agencyhub/rabbitmq.conf
    echo "load_definitions = /opt/agencyhub/definitions.json"
} > /etc/rabbitmq/conf.d/20-agencyhub.conf

docker-entrypoint.sh rabbitmq-server &
server=$!
trap 'kill -TERM "$server" 2>/dev/null; wait "$server"' TERM INT

until rabbitmqctl -q await_startup >/dev/null 2>&1; do
    kill -0 "$server" 2>/dev/null || { echo "rabbitmq-server exited during start-up" >&2; exit 1; }
    sleep 1
done

bash /opt/agencyhub/apply.sh
touch /tmp/agencyhub-definitions-applied
wait "$server"
