#!/usr/bin/env bash
# Regenerates definitions.json (the committed, reviewed file) from the agency list below.
# Usage: deploy/rabbitmq/generate-definitions.sh > deploy/rabbitmq/definitions.json
# Users are deliberately absent: passwords never live in the repo; apply.sh creates the users.
set -euo pipefail

VHOST=agencyhub
AGENCIES=(police probation jcp nhs council)

# JSON string for a regex: every "\" must be doubled inside JSON.
j() { printf '"%s"' "${1//\\/\\\\}"; }

sep() { if [ "$1" -gt 0 ]; then printf ',\n'; fi; }

echo '{'
echo '  "vhosts": ['
echo "    {\"name\": \"$VHOST\"}"
echo '  ],'

echo '  "permissions": ['
i=0
for a in "${AGENCIES[@]}"; do
    # Adapter A: publish only to its own submit exchange, consume only its own delivery queue
    # (plus its MassTransit error/skipped queues and private bus.A.* endpoints).
    configure="^hub\\.(submit\\.$a|delivery\\.$a|delivery\\.${a}_error|delivery\\.${a}_skipped|bus\\.$a\\..+)\$"
    write="^hub\\.(submit\\.$a|delivery\\.${a}_error|delivery\\.${a}_skipped|bus\\.$a\\..+)\$"
    read="^hub\\.(delivery\\.$a|delivery\\.${a}_error|delivery\\.${a}_skipped|bus\\.$a\\..+)\$"
    sep $i; i=$((i + 1))
    printf '    {"user": "adapter-%s", "vhost": "%s",\n' "$a" "$VHOST"
    printf '     "configure": %s,\n' "$(j "$configure")"
    printf '     "write": %s,\n' "$(j "$write")"
    printf '     "read": %s}' "$(j "$read")"
done
sep $i
printf '    {"user": "hub-router", "vhost": "%s", "configure": %s, "write": %s, "read": %s},\n' \
    "$VHOST" "$(j '^hub\..*$')" "$(j '^hub\..*$')" "$(j '^hub\..*$')"
# Operator (hub ops, docs/adr/0012): reads and acknowledges the dead-letter queues; re-submits a dead-lettered
# ingress message to its agency's submit exchange and asks the router to replay deliveries through hub.operate.
# It declares nothing and can neither read a live queue nor write a delivery exchange.
printf '    {"user": "hub-operator", "vhost": "%s", "configure": %s, "write": %s, "read": %s},\n' \
    "$VHOST" "$(j '^$')" "$(j '^hub\.(submit\.[a-z][a-z0-9-]+|operate)$')" "$(j '^hub\.(ingress|delivery)\.[a-z][a-z0-9-]+_(error|skipped)$')"
printf '    {"user": "hub-admin", "vhost": "%s", "configure": ".*", "write": ".*", "read": ".*"}\n' "$VHOST"
echo '  ],'

exchange() { printf '    {"name": "%s", "vhost": "%s", "type": "fanout", "durable": true, "auto_delete": false, "internal": false, "arguments": {}}' "$1" "$VHOST"; }
queue() { printf '    {"name": "%s", "vhost": "%s", "durable": true, "auto_delete": false, "arguments": {"x-queue-type": "quorum"}}' "$1" "$VHOST"; }
binding() { printf '    {"source": "%s", "vhost": "%s", "destination": "%s", "destination_type": "queue", "routing_key": "", "arguments": {}}' "$1" "$VHOST" "$2"; }

echo '  "exchanges": ['
i=0
for a in "${AGENCIES[@]}"; do
    sep $i; i=$((i + 1)); exchange "hub.submit.$a"
    sep $i; i=$((i + 1)); exchange "hub.deliver.$a"
done
sep $i; exchange "hub.operate"
printf '\n  ],\n'

echo '  "queues": ['
i=0
for a in "${AGENCIES[@]}"; do
    sep $i; i=$((i + 1)); queue "hub.ingress.$a"
    sep $i; i=$((i + 1)); queue "hub.delivery.$a"
done
sep $i; queue "hub.operations"
printf '\n  ],\n'

echo '  "bindings": ['
i=0
for a in "${AGENCIES[@]}"; do
    sep $i; i=$((i + 1)); binding "hub.submit.$a" "hub.ingress.$a"
    sep $i; i=$((i + 1)); binding "hub.deliver.$a" "hub.delivery.$a"
done
sep $i; binding "hub.operate" "hub.operations"
printf '\n  ]\n'
echo '}'
