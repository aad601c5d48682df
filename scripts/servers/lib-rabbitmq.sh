# RabbitMQ node helpers shared by rabbitmq.sh (one node) and rabbitmq-cluster.sh (three). Sourced, not executed;
# lib.sh must be sourced first. Every function works on the node whose folder is $DIR and whose settings file is
# $SETTINGS (NODENAME, AMQP_PORT, DIST_PORT, EPMD_PORT, TLS_PORT, MANAGEMENT_PORT, SCHEDULER_ARGS).
# shellcheck shell=bash

# The real scripts, not the /usr/sbin wrappers (those su to the rabbitmq user and use /var/lib).
RMQ_BIN=/usr/lib/rabbitmq/bin

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

# Our own epmd on port $2 in the foreground (no -daemon), its pid in $1/epmd.pid, so stop kills only it.
start_epmd() {
    mkdir -p "$1/log"
    setsid epmd -port "$2" -address 127.0.0.1 </dev/null >"$1/log/epmd.log" 2>&1 &
    echo $! > "$1/epmd.pid"
}

stop_epmd() {
    if [ -f "$1/epmd.pid" ]; then
        local epid
        epid=$(cat "$1/epmd.pid")
        if kill -0 "$epid" 2>/dev/null; then
            kill -TERM "$epid" 2>/dev/null || true
            wait_gone "$epid" 5 || kill -KILL "$epid" 2>/dev/null || true
        fi
    fi
    rm -f "$1/epmd.pid"
}

# The node's rabbitmq.conf: the hub's broker settings, AMQPS with the test CA of $STATE, management when $1 (its port)
# is set, and load_definitions when $2 is 1.
write_node_conf() {
    local mgmt=$1 load_definitions=$2
    {
        # The hub's own broker settings (message size, no default user), then where its definitions are: loaded at
        # boot, so no guest user is ever seeded; apply.sh adds the users once the node runs.
        cat "$REPO/deploy/rabbitmq/rabbitmq.conf"
        [ "$load_definitions" = 1 ] && echo "load_definitions = $REPO/deploy/rabbitmq/definitions.json"
        echo "# AMQPS beside plain AMQP; clients verify the server against STATE_DIR/tls/ca.pem. Mutual TLS: a client"
        echo "# without a certificate of the test CA is refused at the handshake (RabbitMQ has one set of ssl_options"
        echo "# for all its AMQPS listeners, so there is no second, one-way listener). A client then logs in with its"
        echo "# password (PLAIN) or as its certificate's common name (EXTERNAL, rabbitmq_auth_mechanism_ssl)."
        echo "listeners.ssl.1 = 127.0.0.1:$TLS_PORT"
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

# Starts the node (and its own epmd unless RMQ_SHARED_EPMD=1: cluster nodes share one) and waits until it runs.
start_node() {
    node_env
    [ "${RMQ_SHARED_EPMD:-0}" = 1 ] || start_epmd "$DIR" "$EPMD_PORT"

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

# Stops the node: kill -9 with AGENCYHUB_RABBITMQ_FAST_STOP=1 (or RMQ_KILL=1), else gracefully; its own epmd too.
stop_node() {
    [ -f "$SETTINGS" ] || return 0
    node_env
    local pid="" pgid=""
    [ -f "$RABBITMQ_PID_FILE" ] && pid=$(cat "$RABBITMQ_PID_FILE" 2>/dev/null || true)
    [ -f "$DIR/server.pid" ] && pgid=$(cat "$DIR/server.pid" 2>/dev/null || true)

    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && { [ "${AGENCYHUB_RABBITMQ_FAST_STOP:-0}" = 1 ] || [ "${RMQ_KILL:-0}" = 1 ]; }; then
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
    [ "${RMQ_SHARED_EPMD:-0}" = 1 ] || stop_epmd "$DIR"
    rm -f "$DIR/server.pid" "$RABBITMQ_PID_FILE"
}
