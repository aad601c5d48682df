#!/usr/bin/env bash
# Throwaway three-node RabbitMQ cluster for failover tests and local runs, entirely under STATE_DIR/rabbitmq-cluster.
#   scripts/servers/rabbitmq-cluster.sh start        STATE_DIR     start three clustered nodes (first start: form the
#                                                                  cluster, apply deploy/rabbitmq once, replicate every
#                                                                  quorum queue on all three); write
#                                                                  STATE_DIR/rabbitmq-cluster.env
#   scripts/servers/rabbitmq-cluster.sh stop         STATE_DIR     stop every node (safe when nothing runs)
#   scripts/servers/rabbitmq-cluster.sh kill-node    STATE_DIR N   kill -9 node N (1-3): a crash, the others carry on
#   scripts/servers/rabbitmq-cluster.sh restart-node STATE_DIR N   stop node N if it runs, start it again (it rejoins)
#   scripts/servers/rabbitmq-cluster.sh leader       STATE_DIR Q   print the number of the node leading quorum queue Q
#   scripts/servers/rabbitmq-cluster.sh members      STATE_DIR     print each quorum queue and its member count
# Nodes hub1@localhost..hub3@localhost, each with its own AMQP, AMQPS and Erlang distribution ports on 127.0.0.1, one
# private epmd and one Erlang cookie for the three. The env file exports the single-node variables of
# scripts/servers/rabbitmq.sh pointing at node 1, plus AGENCYHUB_TEST_RABBITMQ_HOSTS (host:port of every node, comma
# separated) and AGENCYHUB_TEST_RABBITMQ_TLS_HOSTS (the same for AMQPS).
# Optional env:
#   AGENCYHUB_RABBITMQ_FAST_STOP=1   stop kills the VMs at once instead of `rabbitmqctl stop` (state thrown away anyway)
# Schedulers never busy-wait here (three VMs share a small machine). Written for machines without systemd or Docker.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
LOG_TAG=rabbitmq-cluster
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$HERE/lib.sh"
# shellcheck source-path=SCRIPTDIR source=lib-rabbitmq.sh
. "$HERE/lib-rabbitmq.sh"

NODES=(1 2 3)
VHOST=agencyhub

usage() {
    echo "usage: $0 start|stop|members STATE_DIR | kill-node|restart-node STATE_DIR N | leader STATE_DIR QUEUE" >&2
    exit 2
}
[ $# -ge 2 ] || usage
CMD=$1
mkdir -p "$2"
STATE="$(cd "$2" && pwd)"
ARG=${3:-}
CDIR="$STATE/rabbitmq-cluster"
CLUSTER_SETTINGS="$CDIR/cluster.settings"   # the shared epmd port; nodes keep theirs in nodeN/node.settings
# Cluster nodes share the one epmd this script starts (Erlang finds its peers through it).
RMQ_SHARED_EPMD=1

use_node() {
    DIR="$CDIR/node$1"
    SETTINGS="$DIR/node.settings"
}

node_number() {
    case "$1" in 1|2|3) echo "$1" ;; *) die "node number must be 1, 2 or 3 (got '$1')" ;; esac
}

# First start only: ports for every node, one cookie, each node's config (only node 1 loads the definitions).
prepare() {
    mkdir -p "$CDIR/log"
    local taken=() epmd cookie n amqp dist tls
    epmd=$(free_port); taken+=("$epmd")
    echo "EPMD_PORT=$epmd" > "$CLUSTER_SETTINGS"
    cookie=$(random_hex 20)
    ensure_test_tls "$STATE"
    ensure_client_certs
    for n in "${NODES[@]}"; do
        use_node "$n"
        mkdir -p "$DIR/home" "$DIR/mnesia" "$DIR/log"
        amqp=$(free_port "${taken[@]}"); taken+=("$amqp")
        dist=$(free_port "${taken[@]}"); taken+=("$dist")
        tls=$(free_port "${taken[@]}"); taken+=("$tls")
        cat > "$SETTINGS" <<SETTINGS
NODENAME=hub$n@localhost
AMQP_PORT=$amqp
DIST_PORT=$dist
EPMD_PORT=$epmd
TLS_PORT=$tls
MANAGEMENT_PORT=
SCHEDULER_ARGS="+sbwt none +sbwtdcpu none +sbwtdio none"
SETTINGS
        # The same cookie for every node (and the CLI, which reads it from the node's HOME); private or Erlang refuses it.
        printf '%s' "$cookie" > "$DIR/home/.erlang.cookie"
        chmod 400 "$DIR/home/.erlang.cookie"
        : > "$DIR/rabbitmq-env.conf"
        # Definitions are loaded by node 1 alone (the others join it and take its state), so no node seeds guest.
        local load=0
        [ "$n" = 1 ] && load=1
        TLS_PORT=$tls write_node_conf "" "$load"
    done
}

start_shared_epmd() {
    # shellcheck source=/dev/null
    . "$CLUSTER_SETTINGS"
    if [ -f "$CDIR/epmd.pid" ] && kill -0 "$(cat "$CDIR/epmd.pid")" 2>/dev/null; then return 0; fi
    start_epmd "$CDIR" "$EPMD_PORT"
}

# Starts nodes $@ at once: after a full stop each node waits for its peers before it finishes booting.
start_nodes() {
    local n pids=() failed=0
    for n in "$@"; do
        ( use_node "$n"; start_node ) &
        pids+=($!)
    done
    for n in "${pids[@]}"; do wait "$n" || failed=1; done
    [ "$failed" -eq 0 ] || die "a node failed to start"
}

# Joins nodes 2 and 3 to node 1 (their first boot only), then puts a replica of every quorum queue on each.
form_cluster() {
    local n
    for n in 2 3; do
        use_node "$n"; node_env
        {
            ctl stop_app && ctl reset && ctl join_cluster hub1@localhost && ctl start_app
        } >>"$DIR/log/join.out" 2>&1 || { cat "$DIR/log/join.out" >&2; die "node $n could not join hub1@localhost"; }
    done
    use_node 1; node_env
    ctl await_online_nodes 3 --timeout 60 >/dev/null || die "the cluster does not have three running nodes"
    # Definitions were loaded while node 1 was alone: their queues have one member. Queues declared from now on get
    # three (RabbitMQ's default initial quorum group size).
    for n in 2 3; do
        "$RMQ_BIN/rabbitmq-queues" -n "$NODENAME" grow "hub$n@localhost" all >>"$CDIR/log/grow.out" 2>&1 \
            || { cat "$CDIR/log/grow.out" >&2; die "could not add node $n to the quorum queues"; }
    done
}

# Prints "queue<TAB>members" for every quorum queue in the vhost, asking the first node that answers.
list_members() {
    local n
    for n in "${NODES[@]}"; do
        use_node "$n"; node_env
        if ctl list_queues -p "$VHOST" name type members --silent --no-table-headers 2>/dev/null >"$CDIR/members.out"; then
            awk -F'\t' '$2 == "quorum" { count = split($3, parts, ","); print $1 "\t" count }' "$CDIR/members.out"
            return 0
        fi
    done
    die "no node answered"
}

check_replication() {
    local short
    short=$(list_members | awk -F'\t' '$2 != 3 { print $1 " (" $2 ")" }')
    [ -z "$short" ] || die "quorum queues without three members: $short"
}

write_env_file() {
    local env_file="$STATE/rabbitmq-cluster.env" hosts="" tls_hosts="" n
    for n in "${NODES[@]}"; do
        use_node "$n"
        # shellcheck source=/dev/null
        . "$SETTINGS"
        hosts+="${hosts:+,}127.0.0.1:$AMQP_PORT"
        tls_hosts+="${tls_hosts:+,}127.0.0.1:$TLS_PORT"
    done
    use_node 1
    # shellcheck source=/dev/null
    . "$SETTINGS"
    {
        echo "export AGENCYHUB_TEST_RABBITMQ_HOST=127.0.0.1"
        echo "export AGENCYHUB_TEST_RABBITMQ_PORT=$AMQP_PORT"
        echo "export AGENCYHUB_TEST_RABBITMQ_VHOST=$VHOST"
        echo "export AGENCYHUB_TEST_RABBITMQ_TLS_PORT=$TLS_PORT"
        test_ca_env_line "$STATE"
        echo "export AGENCYHUB_TEST_RABBITMQ_NODENAME=$NODENAME"
        echo "export AGENCYHUB_TEST_RABBITMQ_HOSTS=$hosts"
        echo "export AGENCYHUB_TEST_RABBITMQ_TLS_HOSTS=$tls_hosts"
        echo "export AGENCYHUB_TEST_RABBITMQ_CLUSTER=$(sh_quote "$(printf '%q ' bash "$REPO/scripts/servers/rabbitmq-cluster.sh")")"
        echo "export AGENCYHUB_TEST_RABBITMQ_CLUSTER_STATE=$(sh_quote "$STATE")"
        cat "$CDIR/passwords.env"
    } > "$env_file"
    chmod 600 "$env_file"
}

stop_all() {
    local n
    [ -f "$CLUSTER_SETTINGS" ] || return 0
    # Last to first: node 1, which the others joined, stops last and so may start first.
    for n in 3 2 1; do use_node "$n"; stop_node; done
    stop_epmd "$CDIR"
}

case "$CMD" in
    start)
        [ $# -eq 2 ] || usage
        if [ -f "$CDIR/epmd.pid" ] && kill -0 "$(cat "$CDIR/epmd.pid")" 2>/dev/null; then
            die "a cluster is already running for $STATE (stop it first)"
        fi
        ensure_installed
        t0=$SECONDS
        if [ -f "$CLUSTER_SETTINGS" ]; then
            start_shared_epmd
            start_nodes "${NODES[@]}"
            log "cluster restarted after $((SECONDS - t0)) s"
        else
            prepare
            start_shared_epmd
            trap 'stop_all' EXIT
            start_nodes "${NODES[@]}"
            form_cluster
            # Users, passwords and a last check of the topology, once, through node 1.
            use_node 1; node_env
            AGENCYHUB_BROKER_ENV_FILE="$CDIR/passwords.env" bash "$REPO/deploy/rabbitmq/apply.sh" \
                >"$CDIR/log/apply.out" 2>&1 || { cat "$CDIR/log/apply.out" >&2; die "apply.sh failed"; }
            chmod 600 "$CDIR/passwords.env"
            check_replication
            trap - EXIT
            log "cluster of 3 nodes formed, definitions applied, quorum queues on 3 nodes after $((SECONDS - t0)) s"
        fi
        write_env_file
        log "env in $STATE/rabbitmq-cluster.env"
        ;;
    stop)
        [ $# -eq 2 ] || usage
        stop_all
        ;;
    kill-node)
        [ $# -eq 3 ] || usage
        n=$(node_number "$ARG")
        use_node "$n"
        [ -f "$SETTINGS" ] || die "no cluster was ever started in $STATE"
        RMQ_KILL=1 stop_node
        log "node hub$n@localhost killed"
        ;;
    restart-node)
        [ $# -eq 3 ] || usage
        n=$(node_number "$ARG")
        use_node "$n"
        [ -f "$SETTINGS" ] || die "no cluster was ever started in $STATE"
        start_shared_epmd
        use_node "$n"
        stop_node
        start_node
        log "node hub$n@localhost restarted"
        ;;
    leader)
        [ $# -eq 3 ] || usage
        for n in "${NODES[@]}"; do
            use_node "$n"; node_env
            if out=$(ctl list_queues -p "$VHOST" name leader --silent --no-table-headers 2>/dev/null); then
                leader=$(printf '%s\n' "$out" | awk -F'\t' -v q="$ARG" '$1 == q { print $2 }')
                case "$leader" in
                    hub[123]@localhost) leader=${leader#hub}; echo "${leader%@localhost}"; exit 0 ;;
                    *) die "queue $ARG has no leader (or does not exist)" ;;
                esac
            fi
        done
        die "no node answered"
        ;;
    members)
        [ $# -eq 2 ] || usage
        list_members
        ;;
    *) usage ;;
esac
