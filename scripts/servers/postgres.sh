#!/usr/bin/env bash
# Throwaway PostgreSQL server for tests and local runs.
#   scripts/servers/postgres.sh start   STATE_DIR   initdb + start, write STATE_DIR/postgres.env
#                                                   (TLS on, certificate from the throwaway CA in STATE_DIR/tls)
#   scripts/servers/postgres.sh stop    STATE_DIR   stop it (safe when nothing runs)
#   scripts/servers/postgres.sh restart STATE_DIR   stop + start the same cluster (same port, data)
# Optional env (read at the first start, kept for restarts):
#   AGENCYHUB_POSTGRES_DURABLE=1   fsync=on and synchronous_commit=on, as in production (scripts/load.sh sets it);
#                                  without it, fsync=off for tests
# Postgres 15 from Debian (any installed major version will do), run as
# user postgres because initdb/postgres refuse to run as root.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
LOG_TAG=postgres
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$HERE/lib.sh"
# shellcheck source-path=SCRIPTDIR source=lib-postgres.sh
. "$HERE/lib-postgres.sh"

usage() { echo "usage: $0 start|stop|restart STATE_DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
CMD=$1
mkdir -p "$2"
STATE="$(cd "$2" && pwd)"
# Where the cluster lives; normally STATE_DIR/postgres, or a /tmp fallback (see prepare).
ROOT_FILE="$STATE/postgres.root"

prepare() { pg_prepare_root "$STATE" "$STATE/postgres" "$ROOT_FILE"; }

load() {
    ROOT=$(cat "$ROOT_FILE")
    PGDATA="$ROOT/pgdata"
    SOCKDIR="$ROOT/sock"
    PORT=$(cat "$ROOT/port" 2>/dev/null || true)
}

start_server() {
    # fsync=off: test data is disposable and tests run faster. synchronous_commit stays on, so a
    # crash of postgres alone (kill -9, pg_ctl -m immediate) still loses no committed transaction.
    # A durable cluster (AGENCYHUB_POSTGRES_DURABLE=1 at its first start) flushes as production does.
    local fsync=off
    [ "$(cat "$ROOT/durability" 2>/dev/null || true)" = durable ] && fsync=on
    local opts="-c listen_addresses=127.0.0.1 -p $PORT -k $SOCKDIR -c fsync=$fsync -c synchronous_commit=on -c max_connections=200"
    # TLS (certificate from the throwaway test CA) when the cluster has one; plain connections stay allowed.
    [ -f "$PGDATA/server.key" ] && opts="$opts -c ssl=on"
    pg_start_and_wait "$PGDATA" "$PORT" "$opts" "$ROOT/postgres.log" postgres
}

stop_server() {
    [ -f "$ROOT_FILE" ] || return 0
    load
    [ -f "$PGDATA/postmaster.pid" ] || return 0
    local pid
    pid=$(head -n 1 "$PGDATA/postmaster.pid" 2>/dev/null || true)
    if ! as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w -t 30 stop >"$ROOT/pg_ctl.out" 2>&1; then
        log "pg_ctl stop failed; killing postmaster $pid"
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            # SIGQUIT = immediate shutdown (children exit too), then SIGKILL as a last resort.
            kill -QUIT "$pid" 2>/dev/null || true
            wait_gone "$pid" 10 || kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
}

PGBIN=$(pg_bin_or_install)

case "$CMD" in
    start)
        t0=$SECONDS
        if [ -f "$ROOT_FILE" ]; then
            load
            [ -f "$PGDATA/postmaster.pid" ] && die "a server is already running for $STATE (stop it first)"
        else
            prepare
            load
            # shellcheck disable=SC2119 # no ports to exclude
            PORT=$(free_port)
            echo "$PORT" > "$ROOT/port"
            if [ "${AGENCYHUB_POSTGRES_DURABLE:-0}" = 1 ]; then echo durable > "$ROOT/durability"; else echo test > "$ROOT/durability"; fi
            as_pg mkdir -p "$SOCKDIR"
            # trust auth: loopback-only throwaway server; UTF8/C.UTF-8 so results do not depend on the host locale.
            (cd "$ROOT" && as_pg "$PGBIN/initdb" -D "$PGDATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 -N) \
                >"$ROOT/initdb.out" 2>&1 || { cat "$ROOT/initdb.out" >&2; die "initdb failed"; }
            # Postgres reads server.crt/server.key from its data dir and wants the key its own, mode 0600.
            ensure_test_tls "$STATE"
            as_pg sh -c 'umask 077; cat > "$1"' _ "$PGDATA/server.crt" < "$STATE/tls/server.pem"
            as_pg sh -c 'umask 077; cat > "$1"' _ "$PGDATA/server.key" < "$STATE/tls/server.key"
        fi
        (cd "$ROOT" && start_server)
        q=$(sh_quote "$(printf '%q ' bash "$REPO/scripts/servers/postgres.sh" restart "$STATE")")
        {
            echo "export AGENCYHUB_TEST_POSTGRES='Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres'"
            # For resilience tests: run with `bash -c "$AGENCYHUB_TEST_POSTGRES_RESTART"`.
            echo "export AGENCYHUB_TEST_POSTGRES_RESTART=$q"
            [ -f "$PGDATA/server.key" ] && test_ca_env_line "$STATE"
        } > "$STATE/postgres.env"
        log "server up on 127.0.0.1:$PORT ($(cat "$ROOT/durability" 2>/dev/null || echo test) settings) after $((SECONDS - t0)) s; env in $STATE/postgres.env"
        ;;
    stop)
        stop_server
        # A /tmp fallback cluster lives outside STATE_DIR: remove it with the server.
        if [ -f "$ROOT_FILE" ]; then
            case "$ROOT" in "$STATE"/*) ;; *) rm -rf "$ROOT"; rm -f "$ROOT_FILE" ;; esac
        fi
        ;;
    restart)
        [ -f "$ROOT_FILE" ] || die "no server was ever started in $STATE"
        stop_server
        load
        (cd "$ROOT" && start_server)
        log "server restarted on 127.0.0.1:$PORT"
        ;;
    *) usage ;;
esac
