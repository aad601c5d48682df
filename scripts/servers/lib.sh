# Shared helpers for the throwaway test servers. Sourced, not executed.
# shellcheck shell=bash

log() { printf '[%s] %s\n' "${LOG_TAG:-servers}" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Runs a command as root: directly when we are root, else through sudo (CI and dev boxes are root).
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

# apt-get install that works on a fresh machine without an init system: update the index once
# per process, and keep the package's maintainer scripts from starting a system-wide service
# (which would grab the default ports and leave a stray daemon) via policy-rc.d.
apt_install() {
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install $* by hand"
    local policy=/usr/sbin/policy-rc.d created_policy=0
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
        as_root chmod 755 "$policy"
        created_policy=1
    fi
    local rc=0
    {
        if [ -z "${AGENCYHUB_APT_UPDATED:-}" ]; then
            as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 && export AGENCYHUB_APT_UPDATED=1
        fi &&
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2
    } || rc=$?
    if [ "$created_policy" -eq 1 ]; then as_root rm -f "$policy"; fi
    [ "$rc" -eq 0 ] || die "apt-get install $* failed (exit $rc)"
}

# True if something on this machine already uses TCP port $1 (listening or connected).
port_in_use() {
    local port=$1
    if command -v ss >/dev/null 2>&1; then
        [ -n "$(ss -Htan "( sport = :$port )" 2>/dev/null)" ]
    else
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
    fi
}

# Prints a free TCP port below the kernel's ephemeral range (32768+), so outgoing connections
# cannot take it between our check and the server's bind. Ports named in $@ are excluded.
free_port() {
    local port tries=0 taken
    while [ "$tries" -lt 200 ]; do
        tries=$((tries + 1))
        port=$((20000 + (RANDOM * 32768 + RANDOM) % 10000))
        taken=0
        for p in "$@"; do [ "$p" = "$port" ] && taken=1; done
        [ "$taken" -eq 0 ] && ! port_in_use "$port" && { echo "$port"; return 0; }
    done
    die "no free TCP port found"
}

# Waits up to $2 seconds for process $1 to exit. Returns 1 if it is still alive.
wait_gone() {
    local pid=$1 deadline=$((SECONDS + $2))
    while kill -0 "$pid" 2>/dev/null; do
        [ "$SECONDS" -ge "$deadline" ] && return 1
        sleep 0.2
    done
    return 0
}

# Random hex secret; openssl when present, /dev/urandom otherwise.
random_hex() {
    if command -v openssl >/dev/null 2>&1; then openssl rand -hex "${1:-16}"
    else od -An -N"${1:-16}" -tx1 /dev/urandom | tr -d ' \n'; fi
}

# Quotes $1 for a POSIX shell (single quotes), so env files can be sourced by sh and bash.
sh_quote() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

# The env line naming the test CA (below) for clients that verify a test server.
test_ca_env_line() { echo "export AGENCYHUB_TEST_CA_FILE=$(sh_quote "$1/tls/ca.pem")"; }

# Throwaway test CA and one server certificate under $1/tls (made once, reused): ca.pem (trust this), server.pem +
# server.key (for any test server), the certificate naming $2 (subjectAltName; default localhost and 127.0.0.1).
# Both server scripts may call it at once.
ensure_test_tls() {
    local dir="$1/tls" names="${2:-DNS:localhost,IP:127.0.0.1}"
    mkdir -p "$dir"
    (
        flock 9
        [ -f "$dir/server.pem" ] && exit 0
        command -v openssl >/dev/null 2>&1 || die "openssl is needed for the test CA"
        openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 \
            -subj "/CN=AgencyHub throwaway test CA" -keyout "$dir/ca.key" -out "$dir/ca.pem" \
            -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
        openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=localhost" \
            -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
        printf '%s\n' "basicConstraints=CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
            "extendedKeyUsage=serverAuth" "subjectAltName=$names" > "$dir/server.ext"
        openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial \
            -days 30 -extfile "$dir/server.ext" -out "$dir/server.pem" 2>/dev/null
        chmod 600 "$dir/ca.key" "$dir/server.key"
    ) 9>"$dir/.lock"
}
