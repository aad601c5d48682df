#!/usr/bin/env bash
# Throwaway RabbitMQ node for tests and local runs, entirely under STATE_DIR.
#   scripts/servers/rabbitmq.sh start   STATE_DIR   start a node, apply deploy/rabbitmq, write STATE_DIR/rabbitmq.env
#                                                   (plain AMQP, plus mutual-TLS AMQPS with a throwaway CA in
#                                                   STATE_DIR/tls that also issues each broker user's client
#                                                   certificate, STATE_DIR/tls/clients)
#   scripts/servers/rabbitmq.sh stop    STATE_DIR   stop it (safe when nothing runs)
#   scripts/servers/rabbitmq.sh restart STATE_DIR   stop + start the same node (same ports, data, users)
# Optional env:
#   AGENCYHUB_RABBITMQ_MANAGEMENT=0  no management plugin (saves ~2 s at start and ~5 s at stop)
#   AGENCYHUB_RABBITMQ_FAST_STOP=1   stop/restart kill the VM at once instead of `rabbitmqctl stop`:
#                                    for state that is thrown away anyway (test.sh teardown), or to
#                                    simulate a broker crash in a restart test
#   AGENCYHUB_RABBITMQ_NO_BUSY_WAIT=1  Erlang schedulers without busy-wait (+sbwt none +sbwtdcpu none
#                                    +sbwtdio none): spinning schedulers take CPU the other processes on a
#                                    small machine need (scripts/load.sh sets it). Read at the first
#                                    start and kept for restarts.
# Written for machines without systemd or Docker.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
LOG_TAG=rabbitmq
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$HERE/lib.sh"
# shellcheck source-path=SCRIPTDIR source=lib-rabbitmq.sh
. "$HERE/lib-rabbitmq.sh"

usage() { echo "usage: $0 start|stop|restart STATE_DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
CMD=$1
mkdir -p "$2"
STATE="$(cd "$2" && pwd)"
DIR="$STATE/rabbitmq"
SETTINGS="$DIR/node.settings"   # ports and node name, reused by restart

# First start only: pick ports and a node name, write config, cookie and plugin list.
prepare() {
    mkdir -p "$DIR/home" "$DIR/mnesia" "$DIR/log"
    local amqp dist epmd tls mgmt=""
    amqp=$(free_port)
    dist=$(free_port "$amqp")
    epmd=$(free_port "$amqp" "$dist")
    tls=$(free_port "$amqp" "$dist" "$epmd")
    if [ "${AGENCYHUB_RABBITMQ_MANAGEMENT:-1}" != 0 ]; then
        mgmt=$(free_port "$amqp" "$dist" "$epmd" "$tls")
    fi
    local scheduler=""
    [ "${AGENCYHUB_RABBITMQ_NO_BUSY_WAIT:-0}" = 1 ] && scheduler="+sbwt none +sbwtdcpu none +sbwtdio none"
    cat > "$SETTINGS" <<SETTINGS
NODENAME=agencyhub-$(random_hex 4)@localhost
AMQP_PORT=$amqp
DIST_PORT=$dist
EPMD_PORT=$epmd
TLS_PORT=$tls
MANAGEMENT_PORT=$mgmt
SCHEDULER_ARGS="$scheduler"
SETTINGS

    # Cookie must be private to its owner or Erlang refuses it.
    random_hex 20 > "$DIR/home/.erlang.cookie"
    chmod 400 "$DIR/home/.erlang.cookie"
    : > "$DIR/rabbitmq-env.conf"
    ensure_test_tls "$STATE"
    ensure_client_certs

    TLS_PORT=$tls write_node_conf "$mgmt" 1
}

write_env_file() {
    local env_file="$STATE/rabbitmq.env" q
    q=$(sh_quote "$(printf '%q ' bash "$REPO/scripts/servers/rabbitmq.sh" restart "$STATE")")
    {
        echo "export AGENCYHUB_TEST_RABBITMQ_HOST=127.0.0.1"
        echo "export AGENCYHUB_TEST_RABBITMQ_PORT=$AMQP_PORT"
        echo "export AGENCYHUB_TEST_RABBITMQ_VHOST=agencyhub"
        # AMQPS (not in state folders prepared before it existed).
        if [ -n "${TLS_PORT:-}" ]; then
            echo "export AGENCYHUB_TEST_RABBITMQ_TLS_PORT=$TLS_PORT"
            # USER.pem and USER.key for each broker user, for the mutual-TLS listener.
            echo "export AGENCYHUB_TEST_RABBITMQ_CLIENT_CERTS=$(sh_quote "$STATE/tls/clients")"
            test_ca_env_line "$STATE"
        fi
        [ -n "$MANAGEMENT_PORT" ] && echo "export AGENCYHUB_TEST_RABBITMQ_MANAGEMENT_PORT=$MANAGEMENT_PORT"
        echo "export AGENCYHUB_TEST_RABBITMQ_NODENAME=$NODENAME"
        # The Erlang VM's pid (rewritten by restart), for CPU accounting in scripts/load.sh.
        echo "export AGENCYHUB_TEST_RABBITMQ_PID_FILE=$(sh_quote "$DIR/rabbitmq.pid")"
        # For resilience tests: run with `bash -c "$AGENCYHUB_TEST_RABBITMQ_RESTART"`.
        echo "export AGENCYHUB_TEST_RABBITMQ_RESTART=$q"
        cat "$DIR/passwords.env"
    } > "$env_file"
    chmod 600 "$env_file"
}

case "$CMD" in
    start)
        if [ -f "$DIR/server.pid" ] && kill -0 "$(cat "$DIR/server.pid")" 2>/dev/null; then
            die "a node is already running for $STATE (stop it first)"
        fi
        ensure_installed
        t0=$SECONDS
        [ -f "$SETTINGS" ] || prepare
        start_node
        log "node $NODENAME up on 127.0.0.1:$AMQP_PORT${MANAGEMENT_PORT:+ (management $MANAGEMENT_PORT)} after $((SECONDS - t0)) s"
        # Apply the repo's topology and users; passwords come from the caller's env or are generated.
        AGENCYHUB_BROKER_ENV_FILE="$DIR/passwords.env" bash "$REPO/deploy/rabbitmq/apply.sh" \
            >"$DIR/log/apply.out" 2>&1 || { cat "$DIR/log/apply.out" >&2; stop_node; die "apply.sh failed"; }
        chmod 600 "$DIR/passwords.env"
        write_env_file
        log "definitions applied; env in $STATE/rabbitmq.env"
        ;;
    stop)
        stop_node
        ;;
    restart)
        [ -f "$SETTINGS" ] || die "no node was ever started in $STATE"
        stop_node
        # Restart keeps ports, cookie, data and users, so connection strings stay valid.
        start_node
        log "node $NODENAME restarted"
        ;;
    *) usage ;;
esac
