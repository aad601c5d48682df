#!/usr/bin/env bash
# Applies deploy/rabbitmq/definitions.json to a running broker: vhost, users (created, or password
# reset if they exist), tags, permissions, exchanges, quorum queues, bindings. Idempotent; fails loudly.
#
# Env:
#   RABBITMQCTL                        rabbitmqctl command (may include args), default "rabbitmqctl"
#   RABBITMQ_NODENAME                  node to talk to (passed as -n), default: rabbitmqctl's default
#   AGENCYHUB_BROKER_PASSWORD_<USER>   password per user; USER = name upper-cased, "-" -> "_"
#                                      (e.g. AGENCYHUB_BROKER_PASSWORD_ADAPTER_POLICE); random if unset; a sample
#                                      config's placeholder (deploy/placeholder-secrets.txt: change-me, ...) is refused
#   AGENCYHUB_BROKER_ENV_FILE          if set, all passwords are written there as `export NAME='value'`
#   AGENCYHUB_BROKER_DEFINITIONS       definitions file, default: definitions.json next to this script
#
# Why users go in through import_definitions rather than add_user/change_password/set_user_tags:
# each rabbitmqctl call boots an Erlang VM (~0.6 s), and 7 users x 3 calls cost ~15 s per test run.
# The users are merged into a private temporary copy of the definitions with salted SHA-256
# password hashes (RabbitMQ's own format), which also keeps the passwords off command lines.
# Importing a user that exists replaces its password hash and tags, so reruns are idempotent.
#
# The broker keeps no default user: `guest` (which RabbitMQ seeds on a first boot without definitions to load, and
# which the official image lets log in from anywhere) is deleted when it exists. Every deployment boots the broker
# with deploy/rabbitmq/rabbitmq.conf and load_definitions, so it is not seeded in the first place.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DEFS="${AGENCYHUB_BROKER_DEFINITIONS:-$HERE/definitions.json}"
PLACEHOLDERS="$HERE/../placeholder-secrets.txt"
VHOST=agencyhub

log() { printf '[apply] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[ -r "$DEFS" ] || die "definitions file not readable: $DEFS"
[ -r "$PLACEHOLDERS" ] || die "placeholder list not readable: $PLACEHOLDERS"
grep -q '"users"' "$DEFS" && die "$DEFS must not contain users (passwords stay out of the repo)"
for tool in sha256sum base64 od; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is required"
done

# RABBITMQCTL may be "sudo rabbitmqctl" etc.: split on spaces deliberately.
read -r -a CTL <<< "${RABBITMQCTL:-rabbitmqctl}"
if [ -n "${RABBITMQ_NODENAME:-}" ]; then CTL+=(-n "$RABBITMQ_NODENAME"); fi
ctl() { "${CTL[@]}" "$@"; }

random_hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }
random_password() {
    if command -v openssl >/dev/null 2>&1; then openssl rand -hex 16; else random_hex 16; fi
}
# Hex string -> raw bytes on stdout (printf %b understands \xHH).
unhex() { printf '%b' "$(printf '%s' "$1" | sed 's/../\\x&/g')"; }
# RabbitMQ password hash: base64(salt ++ sha256(salt ++ utf8 password)), 4-byte random salt.
rabbit_hash() {
    local salt digest
    salt=$(random_hex 4)
    digest=$({ unhex "$salt"; printf '%s' "$1"; } | sha256sum | cut -c1-64)
    unhex "$salt$digest" | base64 | tr -d '\n'
}
json_string() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }

# Users are those the definitions grant permissions to (one source of truth, no secrets in it).
mapfile -t USERS < <(grep -o '"user": *"[^"]*"' "$DEFS" | sed 's/.*"user": *"\([^"]*\)"/\1/' | sort -u)
[ "${#USERS[@]}" -gt 0 ] || die "no users found in $DEFS"

tags_for() {
    case "$1" in
        hub-admin) echo administrator ;;
        *) echo "" ;;
    esac
}

env_lines=()
users_json=""
for user in "${USERS[@]}"; do
    var="AGENCYHUB_BROKER_PASSWORD_$(printf '%s' "$user" | tr '[:lower:]-' '[:upper:]_')"
    password="${!var:-}"
    # Names the variable, never the value.
    if [ -n "$password" ] && grep -qixE -f <(grep -v '^#' "$PLACEHOLDERS") <<< "$password"; then
        die "$var holds a sample configuration's placeholder; set a real secret (e.g. openssl rand -hex 16)"
    fi
    [ -n "$password" ] || password=$(random_password)
    users_json+="${users_json:+,
}    {\"name\": $(json_string "$user"), \"password_hash\": \"$(rabbit_hash "$password")\", \"hashing_algorithm\": \"rabbit_password_hashing_sha256\", \"tags\": $(json_string "$(tags_for "$user")")}"
    quoted=$(printf '%s' "$password" | sed "s/'/'\\\\''/g")
    env_lines+=("export $var='$quoted'")
done

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
chmod 600 "$tmp"
defs_body=$(cat "$DEFS")
case "$defs_body" in "{"*) ;; *) die "$DEFS must start with '{'" ;; esac
printf '{\n  "users": [\n%s\n  ],%s\n' "$users_json" "${defs_body#\{}" > "$tmp"

ctl await_startup >/dev/null || die "broker not reachable via: ${CTL[*]}"
log "importing $DEFS with users: ${USERS[*]}"
ctl import_definitions "$tmp" >/dev/null

if ctl list_users --silent --no-table-headers | awk -F'\t' '$1 == "guest" { found = 1 } END { exit !found }'; then
    log "deleting the default user guest"
    ctl delete_user guest >/dev/null
fi

# import_definitions does not complain when a queue already exists with other arguments, so
# check that every declared queue really is a quorum queue (and that the vhost exists), under its limits policy.
mapfile -t WANT < <(sed -n '/"queues": *\[/,/]/p' "$DEFS" | grep -o '"name": *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/')
ACTUAL=$(ctl list_queues -p "$VHOST" name type policy --silent --no-table-headers)
for q in "${WANT[@]}"; do
    printf '%s\n' "$ACTUAL" | awk -F'\t' -v q="$q" '$1 == q && $2 == "quorum" { ok = 1 } END { exit !ok }' \
        || die "queue $q missing or not a quorum queue in vhost $VHOST"
    printf '%s\n' "$ACTUAL" | awk -F'\t' -v q="$q" -v p="hub-limits-$q" '$1 == q && $3 == p { ok = 1 } END { exit !ok }' \
        || die "queue $q is not under its policy hub-limits-$q in vhost $VHOST"
done

if [ -n "${AGENCYHUB_BROKER_ENV_FILE:-}" ]; then
    (umask 077; printf '%s\n' "${env_lines[@]}" > "$AGENCYHUB_BROKER_ENV_FILE")
    log "passwords written to $AGENCYHUB_BROKER_ENV_FILE"
fi
log "done: vhost $VHOST, ${#USERS[@]} users, ${#WANT[@]} quorum queues"
