#!/usr/bin/env bash
# Chaos suite (docs/reliability.md#chaos-suite): for each scenario, fresh throwaway servers (a three-node RabbitMQ
# cluster for broker-node-kill, a Postgres primary with a synchronous standby for postgres-failover, one node and one
# server otherwise), the router(s) and the five agency workers as processes, a release list of --events rows from the
# simulator through the probation drop folder, and one fault injected once a random share of it (10-50 %, from the
# seed) is decided. Then: every row decided, every allowed decision filed by its recipient's sink once, no delivery
# without its ledger row, `hub audit verify` passes, no dead letters, every process running and consuming again with
# no restart by hand. Prints the table and exits 1 if any scenario lost, duplicated or failed a check.
#   bash scripts/chaos.sh                                   every scenario, 20,000 events each
#   bash scripts/chaos.sh --events 2000 --scenario network-pause,recipient-kill --seed 42
#   bash scripts/chaos.sh --help
# Options: --events N (20000), --scenario NAME[,NAME…]|all (all), --seed S (random, printed), --timeout-minutes M
# (each scenario's bound; default 5 + 0.03 s an event), --out DIR (artifacts/chaos: one JSON per scenario, the table,
# and the logs of a scenario that failed), --no-build (the harness is built already in Release), --harness DLL (use
# this build of Hub.LoadHarness.dll, no build: the integration tests pass their own configuration's).
# Loopback only; the servers are stopped and removed after each scenario.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
SERVERS="$REPO/scripts/servers"
SCENARIOS=(broker-node-kill broker-restart router-kill postgres-failover postgres-restart recipient-kill network-pause)
log() { printf '[chaos] %s\n' "$*" >&2; }
usage() {
    sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

events=20000 chosen=all seed="" timeout="" out="$REPO/artifacts/chaos" build=1
HARNESS="$REPO/bench/Hub.LoadHarness/bin/Release/net10.0/Hub.LoadHarness.dll"
while [ $# -gt 0 ]; do
    case "$1" in
        --events) events=${2:?}; shift 2 ;;
        --scenario) chosen=${2:?}; shift 2 ;;
        --seed) seed=${2:?}; shift 2 ;;
        --timeout-minutes) timeout=${2:?}; shift 2 ;;
        --out) out=${2:?}; shift 2 ;;
        --no-build) build=0; shift ;;
        --harness) HARNESS=${2:?}; build=0; shift 2 ;;
        -h|--help) usage ;;
        *) log "unknown option $1 (see --help)"; exit 2 ;;
    esac
done
case "$events" in ''|*[!0-9]*|0) log "--events takes a whole number above 0"; exit 2 ;; esac
if [ -z "$seed" ]; then seed=$(( (RANDOM << 15 | RANDOM) + 1 )); fi
case "$seed" in ''|*[!0-9]*) log "--seed takes a whole number"; exit 2 ;; esac
if [ "$chosen" = all ]; then
    run=("${SCENARIOS[@]}")
else
    IFS=, read -r -a run <<< "$chosen"
    for s in "${run[@]}"; do
        [[ " ${SCENARIOS[*]} " == *" $s "* ]] || { log "unknown scenario '$s': one of ${SCENARIOS[*]}, or all"; exit 2; }
    done
fi

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
if [ "$build" -eq 1 ]; then
    log "building bench/Hub.LoadHarness with the router, the five workers and the CLI (Release)"
    dotnet build bench/Hub.LoadHarness -c Release -v quiet -nologo >&2
fi
[ -f "$HARNESS" ] || { log "$HARNESS is missing: build without --no-build"; exit 1; }

mkdir -p "$out"
out="$(cd "$out" && pwd)"
ROWS="$out/table.tsv"
: > "$ROWS"
STATE=""
cleanup() {
    [ -n "$STATE" ] || return 0
    AGENCYHUB_RABBITMQ_FAST_STOP=1 bash "$SERVERS/rabbitmq-cluster.sh" stop "$STATE" >&2 2>/dev/null || true
    AGENCYHUB_RABBITMQ_FAST_STOP=1 bash "$SERVERS/rabbitmq.sh" stop "$STATE" >&2 2>/dev/null || true
    bash "$SERVERS/postgres-ha.sh" stop "$STATE" >&2 2>/dev/null || true
    bash "$SERVERS/postgres.sh" stop "$STATE" >&2 2>/dev/null || true
    rm -rf "$STATE"
    STATE=""
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Starts the scenario's servers under $STATE and prints the env files to source.
start_servers() {
    local scenario=$1 pg_pid pg_script=postgres.sh pg_env=postgres.env
    [ "$scenario" = postgres-failover ] && { pg_script=postgres-ha.sh; pg_env=postgres-ha.env; }
    bash "$SERVERS/$pg_script" start "$STATE" >&2 &
    pg_pid=$!
    if [ "$scenario" = broker-node-kill ]; then
        bash "$SERVERS/rabbitmq-cluster.sh" start "$STATE" >&2
        echo "$STATE/rabbitmq-cluster.env"
    else
        # No management plugin, no scheduler busy-wait: the CPU belongs to the hub on a small machine.
        AGENCYHUB_RABBITMQ_MANAGEMENT=0 AGENCYHUB_RABBITMQ_NO_BUSY_WAIT=1 bash "$SERVERS/rabbitmq.sh" start "$STATE" >&2
        echo "$STATE/rabbitmq.env"
    fi
    wait "$pg_pid"
    echo "$STATE/$pg_env"
}

log "seed $seed, $events events, scenarios: ${run[*]}"
for scenario in "${run[@]}"; do
    STATE=$(mktemp -d "${TMPDIR:-/tmp}/agencyhub-chaos.XXXXXX")
    log "$scenario: starting its servers"
    rc=0
    (
        # Only this scenario's servers: nothing from the caller's environment (scripts/test.sh exports its own).
        while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep -E '^AGENCYHUB_(TEST_|BROKER_PASSWORD_)' || true)
        envs=$(start_servers "$scenario")
        set -a
        for f in $envs; do
            # shellcheck source=/dev/null
            . "$f"
        done
        set +a
        args=(chaos --scenario "$scenario" --events "$events" --seed "$seed" --work "$STATE/work" --out "$out/$scenario.json" --row "$ROWS")
        [ -n "$timeout" ] && args+=(--timeout-minutes "$timeout")
        dotnet exec "$HARNESS" "${args[@]}"
    ) || rc=$?
    if [ "$rc" -ne 0 ]; then
        [ -d "$STATE/work/logs" ] && { rm -rf "$out/$scenario-logs"; cp -r "$STATE/work/logs" "$out/$scenario-logs"; log "$scenario: logs kept in $out/$scenario-logs"; }
        grep -q "^$scenario	" "$ROWS" || printf '%s\t%s\t-\t-\t-\t-\tFAIL\n' "$scenario" "$events" >> "$ROWS"
    fi
    cleanup
done

{
    echo
    echo "Chaos suite: seed $seed, $events events a scenario, commit $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    printf '%-18s %8s %6s %18s %14s %10s %7s\n' scenario events lost "duplicate effects" "recovery time" verify result
    while IFS=$'\t' read -r s e l d r v res; do
        printf '%-18s %8s %6s %18s %14s %10s %7s\n' "$s" "$e" "$l" "$d" "$r" "$v" "$res"
    done < "$ROWS"
} | tee "$out/table.txt"

if grep -q $'\tFAIL$' "$ROWS"; then
    log "at least one scenario lost or duplicated an effect, or failed a check: see $out"
    exit 1
fi
