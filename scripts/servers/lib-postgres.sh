# PostgreSQL helpers shared by postgres.sh (one server) and postgres-ha.sh (a primary and a standby). Sourced, not
# executed; lib.sh must be sourced first.
# shellcheck shell=bash

find_pgbin() {
    if [ -n "${PGBIN:-}" ] && [ -x "$PGBIN/pg_ctl" ]; then echo "$PGBIN"; return 0; fi
    if [ -x /usr/lib/postgresql/15/bin/pg_ctl ]; then echo /usr/lib/postgresql/15/bin; return 0; fi
    # Any other installed major version (newest first) is fine for tests.
    local d
    while read -r d; do
        [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
    done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k4 -rn)
    return 1
}

# Prints the binaries' folder, installing postgresql from apt when none is found.
pg_bin_or_install() {
    find_pgbin && return 0
    log "PostgreSQL binaries not found; installing from apt"
    apt_install postgresql >&2
    find_pgbin || die "PostgreSQL still missing after install"
}

# Root cannot run initdb/postgres: run them as the postgres user (or as ourselves when not root).
as_pg() {
    if [ "$(id -u)" -ne 0 ]; then "$@"; return; fi
    if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"
    else su -s /bin/sh postgres -c "$(printf '%q ' "$@")"; fi
}

pg_can_write() { as_pg test -w "$1" -a -x "$1"; }

# Makes $2 (normally under STATE_DIR $1) the cluster root, or a /tmp fallback, and writes the choice to $3.
pg_prepare_root() {
    local state=$1 root=$2 root_file=$3
    mkdir -p "$root"
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || die "user postgres does not exist"
        # mktemp dirs are 0700: let postgres traverse STATE_DIR (not list it) and own its subdir.
        chmod o+x "$state"
        chown postgres: "$root"
    fi
    # Fall back to a /tmp dir when postgres cannot reach STATE_DIR (a parent closed to it, e.g.
    # /root), when the path has blanks (pg_ctl -o splits on them), or when the socket path would
    # exceed the ~107-byte Unix socket limit.
    if [ "$root" != "${root//[[:space:]]/}" ] || [ "${#root}" -gt 70 ] || { [ "$(id -u)" -eq 0 ] && ! pg_can_write "$root"; }; then
        rm -rf "$root"
        root=$(mktemp -d /tmp/agencyhub-pg.XXXXXX)
        chmod 755 "$root"
        if [ "$(id -u)" -eq 0 ]; then
            chown postgres: "$root"
            pg_can_write "$root" || die "postgres cannot write $root"
        fi
        log "STATE_DIR unsuitable for the postgres cluster; using $root"
    fi
    echo "$root" > "$root_file"
}

# Starts the server of data folder $1 listening on port $2 with the postgres options $3, logging to $4, and waits
# until it answers; $5 names it in errors. Runs pg_ctl from $ROOT, which the postgres user can always enter.
pg_start_and_wait() {
    local data=$1 port=$2 opts=$3 logfile=$4 label=$5
    if ! (cd "$ROOT" && as_pg "$PGBIN/pg_ctl" -D "$data" -l "$logfile" -w -t 60 -o "$opts" start) >"$ROOT/pg_ctl.out" 2>&1; then
        cat "$ROOT/pg_ctl.out" >&2
        tail -n 30 "$logfile" >&2 || true
        die "$label failed to start"
    fi
    local deadline=$((SECONDS + 30))
    until "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; do
        [ "$SECONDS" -lt "$deadline" ] || die "$label not ready on port $port"
        sleep 0.2
    done
}
