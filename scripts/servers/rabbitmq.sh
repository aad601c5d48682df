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

# The real scripts, not the /usr/sbin wrappers (those su to the rabbitmq user and use /var/lib).
RMQ_BIN=/usr/lib/rabbitmq/bin

usage() { echo "usage: $0 start|stop|restart STATE_DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
CMD=$1
mkdir -p "$2"
STATE="$(cd "$2" && pwd)"
DIR="$STATE/rabbitmq"
SETTINGS="$DIR/node.settings"   # ports and node name, reused by restart

# Environment shared by the server and every rabbitmqctl call: own HOME (cookie), own epmd port,
# own config/env files so nothing from /etc/rabbitmq or /var/lib/rabbitmq leaks in.
node_env() {
    # shellcheck source=/dev/null
    . "$SETTINGS"
    export HOME="$DIR/home"
    export RABBITMQ_NODENAME="$NODENAME"
    export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    export RABBITMQ_NODE_PORT="$AMQP_PORT"
    export RABBITMQ_DIST_PORT="$DIST_PORT"
    export RABBITMQ_MNESIA_BASE="$DIR/mnesia"
    export RABBITMQ_LOG_BASE="$DIR/log"
    export RABBITMQ_CONFIG_FILE="$DIR/rabbitmq.conf"
    export RABBITMQ_ADVANCED_CONFIG_FILE="$DIR/advanced.config"
    export RABBITMQ_CONF_ENV_FILE="$DIR/rabbitmq-env.conf"
    export RABBITMQ_ENABLED_PLUGINS_FILE="$DIR/enabled_plugins"
    export RABBITMQ_PID_FILE="$DIR/rabbitmq.pid"
    # Erlang distribution (node, CLI, epmd) on loopback only, with a private epmd port so a
    # stray or system epmd can neither block us nor be killed by us.
    export ERL_EPMD_ADDRESS=127.0.0.1
    export ERL_EPMD_PORT="$EPMD_PORT"
    export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}${SCHEDULER_ARGS:+ $SCHEDULER_ARGS}"
    export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
    # Any value here starts an Erlang shell that dies without stdin (CI has none).
    unset RABBITMQ_ALLOW_INPUT
    export RABBITMQCTL="$RMQ_BIN/rabbitmqctl"
}

ctl() { "$RMQ_BIN/rabbitmqctl" -n "$NODENAME" "$@"; }

ensure_installed() {
    if [ ! -x "$RMQ_BIN/rabbitmq-server" ]; then
        log "rabbitmq-server not installed; installing from apt"
        apt_install rabbitmq-server
        [ -x "$RMQ_BIN/rabbitmq-server" ] || die "install finished but $RMQ_BIN/rabbitmq-server is missing"
    fi
}

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

    {
        # The hub's own broker settings (message size, no default user), then where its definitions are: loaded at
        # boot, so no guest user is ever seeded; apply.sh adds the users once the node runs.
        cat "$REPO/deploy/rabbitmq/rabbitmq.conf"
        echo "load_definitions = $REPO/deploy/rabbitmq/definitions.json"
        echo "# AMQPS beside plain AMQP; clients verify the server against STATE_DIR/tls/ca.pem. Mutual TLS: a client"
        echo "# without a certificate of the test CA is refused at the handshake (RabbitMQ has one set of ssl_options"
        echo "# for all its AMQPS listeners, so there is no second, one-way listener). A client then logs in with its"
        echo "# password (PLAIN) or as its certificate's common name (EXTERNAL, rabbitmq_auth_mechanism_ssl)."
        echo "listeners.ssl.1 = 127.0.0.1:$tls"
        echo "ssl_options.cacertfile = $STATE/tls/ca.pem"
        echo "ssl_options.certfile = $STATE/tls/server.pem"
        echo "ssl_options.keyfile = $STATE/tls/server.key"
        echo "ssl_options.verify = verify_peer"
        echo "ssl_options.fail_if_no_peer_cert = true"
        echo "auth_mechanisms.1 = PLAIN"
        echo "auth_mechanisms.2 = AMQPLAIN"
        echo "auth_mechanisms.3 = EXTERNAL"
        echo "ssl_cert_login_from = common_name"
        if [ -n "$mgmt" ]; then
            echo "management.tcp.ip = 127.0.0.1"
            echo "management.tcp.port = $mgmt"
        fi
    } > "$DIR/rabbitmq.conf"

    if [ -n "$mgmt" ]; then
        echo "[rabbitmq_management,rabbitmq_auth_mechanism_ssl]." > "$DIR/enabled_plugins"
    else
        echo "[rabbitmq_auth_mechanism_ssl]." > "$DIR/enabled_plugins"
    fi
}

# A client certificate of the test CA for each hub user (CN = the broker user, as EXTERNAL reads it), under
# STATE_DIR/tls/clients: USER.pem and USER.key.
ensure_client_certs() {
    local dir="$STATE/tls"
    mkdir -p "$dir/clients"
    (
        flock 9
        printf '%s\n' "basicConstraints=CA:FALSE" "keyUsage=critical,digitalSignature" "extendedKeyUsage=clientAuth" > "$dir/client.ext"
        for user in $(grep -o '"user": *"[^"]*"' "$REPO/deploy/rabbitmq/definitions.json" | sed 's/.*"user": *"\([^"]*\)"/\1/' | sort -u); do
            [ -f "$dir/clients/$user.pem" ] && continue
            openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$user" \
                -keyout "$dir/clients/$user.key" -out "$dir/clients/$user.csr" 2>/dev/null
            openssl x509 -req -in "$dir/clients/$user.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial \
                -days 30 -extfile "$dir/client.ext" -out "$dir/clients/$user.pem" 2>/dev/null
            chmod 600 "$dir/clients/$user.key"
            rm -f "$dir/clients/$user.csr"
        done
    ) 9>"$dir/.lock"
}

start_node() {
    node_env
    # Our own epmd in the foreground (no -daemon) so we know its pid and stop kills only it.
    setsid epmd -port "$EPMD_PORT" -address 127.0.0.1 </dev/null >"$DIR/log/epmd.log" 2>&1 &
    echo $! > "$DIR/epmd.pid"

    # setsid: own process group, so stop can clean up the wrapper and the VM together.
    # Output to files: a daemon must not hold the caller's stdout (CI would wait for EOF).
    setsid "$RMQ_BIN/rabbitmq-server" </dev/null >>"$DIR/log/server.out" 2>&1 &
    echo $! > "$DIR/server.pid"

    if ! ctl wait --timeout 120 "$RABBITMQ_PID_FILE" >"$DIR/log/wait.out" 2>&1; then
        log "node did not become ready; last log lines:"
        tail -n 30 "$DIR/log/server.out" >&2 || true
        tail -n 30 "$DIR/log/$NODENAME.log" >&2 2>/dev/null || true
        stop_node
        die "RabbitMQ failed to start"
    fi
    if [ -n "$MANAGEMENT_PORT" ]; then
        # wait returns once the rabbit app is up; give the HTTP listener a moment too.
        local deadline=$((SECONDS + 30))
        until port_in_use "$MANAGEMENT_PORT"; do
            [ "$SECONDS" -lt "$deadline" ] || die "management listener did not open on $MANAGEMENT_PORT"
            sleep 0.2
        done
    fi
}

stop_node() {
    [ -f "$SETTINGS" ] || return 0
    node_env
    local pid="" pgid=""
    [ -f "$RABBITMQ_PID_FILE" ] && pid=$(cat "$RABBITMQ_PID_FILE" 2>/dev/null || true)
    [ -f "$DIR/server.pid" ] && pgid=$(cat "$DIR/server.pid" 2>/dev/null || true)

    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ "${AGENCYHUB_RABBITMQ_FAST_STOP:-0}" = 1 ]; then
        kill -KILL "$pid" 2>/dev/null || true
        wait_gone "$pid" 10 || true
    elif [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        # Graceful stop; with the pid file rabbitmqctl waits until the VM has exited.
        timeout 60 "$RMQ_BIN/rabbitmqctl" -n "$NODENAME" stop "$RABBITMQ_PID_FILE" \
            >"$DIR/log/stop.out" 2>&1 || log "rabbitmqctl stop failed; killing the node"
        if ! wait_gone "$pid" 10; then kill -KILL "$pid" 2>/dev/null || true; wait_gone "$pid" 5 || true; fi
    fi
    # The wrapper script's process group (wrapper, VM helpers such as erl_child_setup).
    if [ -n "$pgid" ] && kill -0 -- "-$pgid" 2>/dev/null; then
        kill -TERM -- "-$pgid" 2>/dev/null || true
        sleep 0.5
        kill -KILL -- "-$pgid" 2>/dev/null || true
    fi
    if [ -f "$DIR/epmd.pid" ]; then
        local epid
        epid=$(cat "$DIR/epmd.pid")
        if kill -0 "$epid" 2>/dev/null; then
            kill -TERM "$epid" 2>/dev/null || true
            wait_gone "$epid" 5 || kill -KILL "$epid" 2>/dev/null || true
        fi
    fi
    rm -f "$DIR/server.pid" "$DIR/epmd.pid" "$RABBITMQ_PID_FILE"
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
