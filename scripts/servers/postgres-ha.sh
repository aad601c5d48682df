#!/usr/bin/env bash
# Throwaway PostgreSQL primary with a streaming standby, for failover tests and local runs.
#   scripts/servers/postgres-ha.sh start        STATE_DIR   first start: initdb the primary, pg_basebackup the standby
#                                                           through a replication slot, make replication synchronous;
#                                                           later starts: start the servers that are still in the pair.
#                                                           Writes STATE_DIR/postgres-ha.env
#   scripts/servers/postgres-ha.sh stop         STATE_DIR   stop both (safe when nothing runs)
#   scripts/servers/postgres-ha.sh kill-primary STATE_DIR   kill -9 the primary's postmaster and its processes (a crash)
#   scripts/servers/postgres-ha.sh promote      STATE_DIR   promote the standby (stopping the old primary first if it
#                                                           still runs, so there is never a second writable server);
#                                                           the old primary leaves the pair for good
#   scripts/servers/postgres-ha.sh primary      STATE_DIR   print the current primary's port
# Servers are numbered 1 and 2; server 1 starts as the primary. The env file's AGENCYHUB_TEST_POSTGRES names both hosts
# with Target Session Attributes=read-write, so a client follows a promotion by itself (docs/reliability.md).
# Replication is synchronous (synchronous_standby_names = '*'): a commit the primary acknowledged is on the standby,
# so a promotion loses no acknowledged transaction. Once promoted, the new primary runs alone (no standby to wait for).
# fsync=off as in postgres.sh (test data); synchronous_commit stays on. Loopback only; no systemd or Docker.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
LOG_TAG=postgres-ha
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$HERE/lib.sh"
# shellcheck source-path=SCRIPTDIR source=lib-postgres.sh
. "$HERE/lib-postgres.sh"

usage() { echo "usage: $0 start|stop|kill-primary|promote|primary STATE_DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
CMD=$1
mkdir -p "$2"
STATE="$(cd "$2" && pwd)"
ROOT_FILE="$STATE/postgres-ha.root"
SLOT=hub_standby

load() {
    ROOT=$(cat "$ROOT_FILE")
    SOCKDIR="$ROOT/sock"
    PRIMARY=$(cat "$ROOT/primary")
}
pgdata() { echo "$ROOT/node$1/pgdata"; }
port_of() { cat "$ROOT/node$1.port"; }
other() { if [ "$1" = 1 ]; then echo 2; else echo 1; fi; }
in_pair() { [ -d "$(pgdata "$1")" ] && [ ! -f "$ROOT/node$1.retired" ]; }
running() { [ -f "$(pgdata "$1")/postmaster.pid" ] && kill -0 "$(head -n 1 "$(pgdata "$1")/postmaster.pid")" 2>/dev/null; }
psql_on() { "$PGBIN/psql" -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$(port_of "$1")" -U postgres -d postgres -c "$2"; }

start_server() {
    local n=$1 port data opts
    port=$(port_of "$n")
    data=$(pgdata "$n")
    opts="-c listen_addresses=127.0.0.1 -p $port -k $SOCKDIR -c fsync=off -c synchronous_commit=on -c max_connections=200"
    opts="$opts -c wal_level=replica -c max_wal_senders=5 -c max_replication_slots=5 -c hot_standby=on"
    [ -f "$data/server.key" ] && opts="$opts -c ssl=on"
    pg_start_and_wait "$data" "$port" "$opts" "$ROOT/node$n.log" "server $n"
}

stop_server() {
    local n=$1 data pid
    data=$(pgdata "$n")
    running "$n" || return 0
    pid=$(head -n 1 "$data/postmaster.pid")
    if ! as_pg "$PGBIN/pg_ctl" -D "$data" -m fast -w -t 30 stop >"$ROOT/pg_ctl.out" 2>&1; then
        log "pg_ctl stop failed; killing postmaster $pid"
        kill -QUIT "$pid" 2>/dev/null || true
        wait_gone "$pid" 10 || kill -KILL "$pid" 2>/dev/null || true
    fi
}

# A crash: SIGKILL to the postmaster and to every process it started, at once.
kill_server() {
    local n=$1 pid children
    running "$n" || { log "server $n is not running"; return 0; }
    pid=$(head -n 1 "$(pgdata "$n")/postmaster.pid")
    children=$(ps -o pid= --ppid "$pid" | tr '\n' ' ')
    # shellcheck disable=SC2086 # the child pids, one word each
    kill -KILL "$pid" $children 2>/dev/null || true
    wait_gone "$pid" 10 || die "postmaster $pid survived SIGKILL"
    for child in $children; do wait_gone "$child" 10 || true; done
}

wait_streaming() {
    local deadline=$((SECONDS + 60))
    until [ "$(psql_on "$PRIMARY" "select count(*) from pg_stat_replication where state = 'streaming'")" = 1 ]; do
        [ "$SECONDS" -lt "$deadline" ] || die "the standby is not streaming from server $PRIMARY"
        sleep 0.2
    done
}

first_start() {
    pg_prepare_root "$STATE" "$STATE/postgres-ha" "$ROOT_FILE"
    ROOT=$(cat "$ROOT_FILE")
    SOCKDIR="$ROOT/sock"
    local p1 p2
    p1=$(free_port)
    p2=$(free_port "$p1")
    echo "$p1" > "$ROOT/node1.port"
    echo "$p2" > "$ROOT/node2.port"
    echo 1 > "$ROOT/primary"
    PRIMARY=1
    as_pg mkdir -p "$SOCKDIR" "$ROOT/node1" "$ROOT/node2"
    # trust auth (its pg_hba also lets 127.0.0.1 replicate): loopback-only throwaway servers.
    (cd "$ROOT" && as_pg "$PGBIN/initdb" -D "$(pgdata 1)" -A trust -U postgres -E UTF8 --locale=C.UTF-8 -N) \
        >"$ROOT/initdb.out" 2>&1 || { cat "$ROOT/initdb.out" >&2; die "initdb failed"; }
    ensure_test_tls "$STATE"
    as_pg sh -c 'umask 077; cat > "$1"' _ "$(pgdata 1)/server.crt" < "$STATE/tls/server.pem"
    as_pg sh -c 'umask 077; cat > "$1"' _ "$(pgdata 1)/server.key" < "$STATE/tls/server.key"
    start_server 1
    # The standby: a base backup streaming its WAL, a physical slot so the primary keeps WAL the standby has not
    # received, and -R for standby.signal and primary_conninfo.
    (cd "$ROOT" && as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$p1" -U postgres -D "$(pgdata 2)" -X stream -C -S "$SLOT" -R) \
        >"$ROOT/basebackup.out" 2>&1 || { cat "$ROOT/basebackup.out" >&2; die "pg_basebackup failed"; }
    start_server 2
    wait_streaming
    # Only now (the standby's copy of postgresql.auto.conf lacks it, so once promoted it waits for nobody).
    psql_on 1 "alter system set synchronous_standby_names = '*'" >/dev/null
    psql_on 1 "select pg_reload_conf()" >/dev/null
}

write_env_file() {
    local hosts="" n q
    for n in 1 2; do
        in_pair "$n" && hosts+="${hosts:+,}127.0.0.1:$(port_of "$n")"
    done
    q=$(sh_quote "$(printf '%q ' bash "$REPO/scripts/servers/postgres-ha.sh")")
    {
        echo "export AGENCYHUB_TEST_POSTGRES='Host=$hosts;Username=postgres;Database=postgres;Target Session Attributes=read-write'"
        # For failover tests: run with `bash -c "$AGENCYHUB_TEST_POSTGRES_HA kill-primary $AGENCYHUB_TEST_POSTGRES_HA_STATE"`.
        echo "export AGENCYHUB_TEST_POSTGRES_HA=$q"
        echo "export AGENCYHUB_TEST_POSTGRES_HA_STATE=$(sh_quote "$STATE")"
        test_ca_env_line "$STATE"
    } > "$STATE/postgres-ha.env"
}

PGBIN=$(pg_bin_or_install)

case "$CMD" in
    start)
        t0=$SECONDS
        if [ -f "$ROOT_FILE" ]; then
            load
            for n in 1 2; do running "$n" && die "a server is already running for $STATE (stop it first)"; done
            start_server "$PRIMARY"
            standby=$(other "$PRIMARY")
            if in_pair "$standby"; then start_server "$standby"; wait_streaming; fi
        else
            trap 'for n in 1 2; do stop_server "$n" || true; done' EXIT
            first_start
            trap - EXIT
        fi
        write_env_file
        log "primary on 127.0.0.1:$(port_of "$PRIMARY")$(in_pair "$(other "$PRIMARY")" && echo ", synchronous standby on 127.0.0.1:$(port_of "$(other "$PRIMARY")")") after $((SECONDS - t0)) s; env in $STATE/postgres-ha.env"
        ;;
    stop)
        [ -f "$ROOT_FILE" ] || exit 0
        load
        for n in 1 2; do stop_server "$n"; done
        # A /tmp fallback lives outside STATE_DIR: remove it with the servers.
        case "$ROOT" in "$STATE"/*) ;; *) rm -rf "$ROOT"; rm -f "$ROOT_FILE" ;; esac
        ;;
    kill-primary)
        [ -f "$ROOT_FILE" ] || die "no pair was ever started in $STATE"
        load
        kill_server "$PRIMARY"
        log "primary (server $PRIMARY) killed"
        ;;
    promote)
        [ -f "$ROOT_FILE" ] || die "no pair was ever started in $STATE"
        load
        standby=$(other "$PRIMARY")
        in_pair "$standby" && [ -f "$(pgdata "$standby")/standby.signal" ] || die "there is no standby to promote"
        running "$standby" || die "the standby (server $standby) is not running"
        # Never two writable servers: the old primary stops (if a crash has not stopped it already) and leaves the pair.
        stop_server "$PRIMARY"
        touch "$ROOT/node$PRIMARY.retired"
        as_pg "$PGBIN/pg_ctl" -D "$(pgdata "$standby")" -w -t 60 promote >"$ROOT/pg_ctl.out" 2>&1 \
            || { cat "$ROOT/pg_ctl.out" >&2; die "promotion failed"; }
        deadline=$((SECONDS + 30))
        until [ "$(psql_on "$standby" "select pg_is_in_recovery()")" = f ]; do
            [ "$SECONDS" -lt "$deadline" ] || die "server $standby still in recovery after promotion"
            sleep 0.2
        done
        echo "$standby" > "$ROOT/primary"
        log "server $standby promoted: primary on 127.0.0.1:$(port_of "$standby"), no standby"
        ;;
    primary)
        [ -f "$ROOT_FILE" ] || die "no pair was ever started in $STATE"
        load
        port_of "$PRIMARY"
        ;;
    *) usage ;;
esac
