#!/usr/bin/env bash
# Entrypoint of the rabbitmq service in docker-compose.yml: start the broker with the image's own
# entrypoint, apply the hub's definitions (vhost, users from AGENCYHUB_BROKER_PASSWORD_*, permissions,
# quorum queues) once it answers, then stay in the foreground with it.
set -euo pipefail

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
