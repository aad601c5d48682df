#!/usr/bin/env bash
# Prometheus for tests: the Debian package's binaries (installed on first use), run as a throwaway server under STATE_DIR.
#   scripts/servers/prometheus.sh install                       install the package when missing; print the bin dir
#   scripts/servers/prometheus.sh start STATE_DIR CONFIG_FILE   start a server on a free port with CONFIG_FILE,
#                                                              write STATE_DIR/prometheus.env (AGENCYHUB_TEST_PROMETHEUS_URL)
#   scripts/servers/prometheus.sh stop  STATE_DIR               stop it (safe when nothing runs)
# Prometheus 2.42 from Debian, no Docker.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LOG_TAG=prometheus
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$HERE/lib.sh"

usage() { echo "usage: $0 install | start STATE_DIR CONFIG_FILE | stop STATE_DIR" >&2; exit 2; }

ensure_installed() {
    if ! command -v prometheus >/dev/null 2>&1 || ! command -v promtool >/dev/null 2>&1; then
        log "installing the prometheus package (first use on this machine)"
        apt_install prometheus
    fi
    command -v prometheus >/dev/null 2>&1 || die "prometheus is still missing after apt-get install"
    command -v promtool >/dev/null 2>&1 || die "promtool is still missing after apt-get install"
}

[ $# -ge 1 ] || usage
case "$1" in
    install)
        [ $# -eq 1 ] || usage
        ensure_installed
        dirname "$(command -v promtool)"
        ;;
    start)
        [ $# -eq 3 ] || usage
        ensure_installed
        mkdir -p "$2"
        STATE="$(cd "$2" && pwd)"
        DIR="$STATE/prometheus"
        [ -f "$3" ] || die "config file $3 not found"
        mkdir -p "$DIR/data"
        if [ -f "$DIR/prometheus.pid" ] && kill -0 "$(cat "$DIR/prometheus.pid")" 2>/dev/null; then
            die "a Prometheus started from $STATE is still running"
        fi
        port=$(free_port)
        # No web.enable-lifecycle or admin API: the tests only read.
        prometheus --config.file="$3" --storage.tsdb.path="$DIR/data" --web.listen-address="127.0.0.1:$port" \
            --storage.tsdb.retention.time=1h --log.level=warn >"$DIR/prometheus.log" 2>&1 &
        echo $! > "$DIR/prometheus.pid"
        deadline=$((SECONDS + 60))
        until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && \
              { exec 3<>"/dev/tcp/127.0.0.1/$port"; printf 'GET /-/ready HTTP/1.0\r\n\r\n' >&3; head -1 <&3 | grep -q ' 200 '; }; do
            kill -0 "$(cat "$DIR/prometheus.pid")" 2>/dev/null || { tail -20 "$DIR/prometheus.log" >&2; die "prometheus exited during start"; }
            [ "$SECONDS" -lt "$deadline" ] || { tail -20 "$DIR/prometheus.log" >&2; die "prometheus not ready after 60 s"; }
            sleep 0.2
        done
        echo "AGENCYHUB_TEST_PROMETHEUS_URL=$(sh_quote "http://127.0.0.1:$port")" > "$STATE/prometheus.env"
        log "ready at http://127.0.0.1:$port"
        ;;
    stop)
        [ $# -eq 2 ] || usage
        DIR="$2/prometheus"
        if [ -f "$DIR/prometheus.pid" ]; then
            pid=$(cat "$DIR/prometheus.pid")
            if kill -0 "$pid" 2>/dev/null; then
                kill "$pid"
                wait_gone "$pid" 15 || kill -9 "$pid" 2>/dev/null || true
            fi
            rm -f "$DIR/prometheus.pid"
        fi
        ;;
    *) usage ;;
esac
