#!/usr/bin/env bash
# Entrypoint of the rabbitmq service in docker-compose.yml: write the hub's broker settings, start the broker with the
# image's own entrypoint, apply the hub's definitions (vhost, users from AGENCYHUB_BROKER_PASSWORD_*, permissions,
# quorum queues) once it answers, then stay in the foreground with it.
set -euo pipefail

# The hub's broker settings, and its definitions loaded at boot so that no guest user is seeded (rabbitmq.conf). The
# image's own conf.d/10-defaults.conf lets guest log in from anywhere; this file comes after it and wins.
# AMQPS only (5671), with the certificate deploy/tls/make-compose-certs.sh made; plain AMQP is off. The key is copied
# and given to the rabbitmq user, which the image's entrypoint switches to.
install -d -o rabbitmq -g rabbitmq -m 700 /etc/rabbitmq/tls
install -o rabbitmq -g rabbitmq -m 600 /opt/agencyhub-tls/server.key /etc/rabbitmq/tls/server.key
install -o rabbitmq -g rabbitmq -m 644 /opt/agencyhub-tls/server.pem /etc/rabbitmq/tls/server.pem
install -o rabbitmq -g rabbitmq -m 644 /opt/agencyhub-tls/ca.pem /etc/rabbitmq/tls/ca.pem
{
    cat /opt/agencyhub/rabbitmq.conf
    echo "load_definitions = /opt/agencyhub/definitions.json"
    echo "listeners.tcp = none"
    echo "listeners.ssl.default = 5671"
    echo "ssl_options.cacertfile = /etc/rabbitmq/tls/ca.pem"
    echo "ssl_options.certfile = /etc/rabbitmq/tls/server.pem"
    echo "ssl_options.keyfile = /etc/rabbitmq/tls/server.key"
    echo "ssl_options.verify = verify_none"
    echo "ssl_options.fail_if_no_peer_cert = false"
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
