#!/usr/bin/env bash
# Regenerates definitions.json (the committed, reviewed file) from the agency list below.
# Usage: deploy/rabbitmq/generate-definitions.sh > deploy/rabbitmq/definitions.json
# Users are deliberately absent: passwords never live in the repo; apply.sh creates the users.
set -euo pipefail

VHOST=agencyhub
AGENCIES=(police probation jcp nhs council)
# Deliveries of one message before it is dead-lettered (the "delivery-limit" policy on every quorum queue below).
DELIVERY_LIMIT=20
QUEUES=()
for a in "${AGENCIES[@]}"; do QUEUES+=("hub.ingress.$a" "hub.delivery.$a"); done
QUEUES+=(hub.operations)

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
# Router: exactly what MassTransit and the router need (docs/adr/0002). Every agency is named, so a new exchange or
# queue name gives it nothing. MassTransit declares what it uses: each ingress queue and the operations queue (it
# consumes them; their bindings to hub.submit.A and hub.operate come from this file, so the router never touches an
# agency's exchange), the _error/_skipped exchange and queue pairs it moves failed messages to, each delivery and
# re-ingress exchange it sends to, and its own bus endpoint hub.bus.router.<id>. It writes only those exchanges (and
# binds the _error/_skipped pairs); it reads its ingress and operations queues, their dead letters (an operator's
# replay, hub ops dlq replay) and its bus endpoint. It can neither write a submit exchange nor read a delivery queue.
ag="$(IFS='|'; echo "${AGENCIES[*]}")"
router_configure="^hub\\.(ingress\\.($ag)(_error|_skipped)?|operations(_error|_skipped)?|deliver\\.($ag)|reingress\\.($ag)|bus\\.router\\..+)\$"
router_write="^hub\\.(ingress\\.($ag)_(error|skipped)|operations_(error|skipped)|deliver\\.($ag)|reingress\\.($ag)|bus\\.router\\..+)\$"
router_read="^hub\\.(ingress\\.($ag)(_error|_skipped)?|operations(_error|_skipped)?|bus\\.router\\..+)\$"
printf '    {"user": "hub-router", "vhost": "%s",\n     "configure": %s,\n     "write": %s,\n     "read": %s},\n' \
    "$VHOST" "$(j "$router_configure")" "$(j "$router_write")" "$(j "$router_read")"
# Operator (hub ops, docs/adr/0012): reads and acknowledges the dead-letter queues, and asks the router, through
# hub.operate, to replay them: an ingress dead letter is re-published by the router from its own dead-letter queue, a
# delivery re-checked and re-sent from its outbox. It declares nothing, writes no submit or delivery exchange, and
# reads no live queue.
printf '    {"user": "hub-operator", "vhost": "%s", "configure": %s, "write": %s, "read": %s},\n' \
    "$VHOST" "$(j '^$')" "$(j '^hub\.operate$')" "$(j '^hub\.(ingress|delivery)\.[a-z][a-z0-9-]+_(error|skipped)$')"
printf '    {"user": "hub-admin", "vhost": "%s", "configure": ".*", "write": ".*", "read": ".*"}\n' "$VHOST"
echo '  ],'

exchange() { printf '    {"name": "%s", "vhost": "%s", "type": "fanout", "durable": true, "auto_delete": false, "internal": false, "arguments": {}}' "$1" "$VHOST"; }
queue() { printf '    {"name": "%s", "vhost": "%s", "durable": true, "auto_delete": false, "arguments": {"x-queue-type": "quorum"}}' "$1" "$VHOST"; }
policy() { printf '    {"vhost": "%s", "name": "hub-limits-%s", "pattern": %s, "apply-to": "queues", "priority": 0, "definition": {"delivery-limit": %s, "dead-letter-exchange": "%s_error", "dead-letter-strategy": "at-least-once", "overflow": "reject-publish"}}' "$VHOST" "$1" "$(j "^${1//./\\.}\$")" "$DELIVERY_LIMIT" "$1"; }
binding() { printf '    {"source": "%s", "vhost": "%s", "destination": "%s", "destination_type": "queue", "routing_key": "", "arguments": {}}' "$1" "$VHOST" "$2"; }

echo '  "exchanges": ['
i=0
for a in "${AGENCIES[@]}"; do
    sep $i; i=$((i + 1)); exchange "hub.submit.$a"
    sep $i; i=$((i + 1)); exchange "hub.deliver.$a"
    sep $i; i=$((i + 1)); exchange "hub.reingress.$a"
done
sep $i; exchange "hub.operate"
printf '\n  ],\n'

echo '  "queues": ['
i=0
for q in "${QUEUES[@]}"; do
    sep $i; i=$((i + 1)); queue "$q"
done
printf '\n  ],\n'

echo '  "bindings": ['
i=0
for a in "${AGENCIES[@]}"; do
    sep $i; i=$((i + 1)); binding "hub.submit.$a" "hub.ingress.$a"
    sep $i; i=$((i + 1)); binding "hub.deliver.$a" "hub.delivery.$a"
    sep $i; i=$((i + 1)); binding "hub.reingress.$a" "hub.ingress.$a"
done
sep $i; binding "hub.operate" "hub.operations"
printf '\n  ],\n'

# Every quorum queue here gets a delivery limit: a message delivered and not acknowledged DELIVERY_LIMIT times (a
# consumer that crashes on it, again and again) leaves the queue instead of blocking it. It is dead-lettered to the
# queue's MassTransit error exchange (<queue>_error, where hub ops dlq finds and replays it), at least once: until
# that exchange routes it, the queue keeps it, so the limit never drops a message. One policy per queue, because
# the error exchange is the queue's own. The _error queues have none: browsing them (hub ops) returns messages,
# which would count against a limit.
echo '  "policies": ['
i=0
for q in "${QUEUES[@]}"; do
    sep $i; i=$((i + 1)); policy "$q"
done
printf '\n  ]\n'
echo '}'
