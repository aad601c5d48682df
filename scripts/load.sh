#!/usr/bin/env bash
# End-to-end load harness (bench/Hub.LoadHarness, docs/benchmarks.md#end-to-end-load): starts throwaway RabbitMQ +
# Postgres (unless given, as for scripts/test.sh) with production settings (Postgres fsync=on and synchronous_commit=on,
# RabbitMQ schedulers without busy-wait), builds the harness with the router and the five workers in Release, runs the
# router and the workers as processes fed by the simulator, measures a single-queue and a fan-out relay baseline in the
# same run, and prints them, the hub's figures, the ratios and where the burst's CPU went.
#   bash scripts/load.sh [harness options...]      e.g. --events 5000 --paced-rates 50,200 --out artifacts/load.json
#   bash scripts/load.sh --broker-restart-at 20     kill -9 and restart the broker 20 s into the burst, check completeness
#   bash scripts/load.sh --help                     every option
# Servers given through AGENCYHUB_TEST_* keep their own settings; the report reads fsync and synchronous_commit back.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
SERVERS="$REPO/scripts/servers"
log() { printf '[load] %s\n' "$*" >&2; }

STATE=$(mktemp -d "${TMPDIR:-/tmp}/agencyhub-load.XXXXXX")
started_rabbitmq=0
started_postgres=0
cleanup() {
    if [ "$started_rabbitmq" -eq 1 ]; then AGENCYHUB_RABBITMQ_FAST_STOP=1 bash "$SERVERS/rabbitmq.sh" stop "$STATE" >&2 || log "rabbitmq stop failed"; fi
    if [ "$started_postgres" -eq 1 ]; then bash "$SERVERS/postgres.sh" stop "$STATE" >&2 || log "postgres stop failed"; fi
    rm -rf "$STATE"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# Only what the run starts: the harness's project builds the router and the five workers with it (not the tests).
log "building bench/Hub.LoadHarness, the router and the five workers (Release)"
dotnet build bench/Hub.LoadHarness -c Release -v quiet -nologo >&2

if [ -z "${AGENCYHUB_TEST_POSTGRES:-}" ]; then
    started_postgres=1
    # Production durability: every commit flushed to disk before it is acknowledged.
    AGENCYHUB_POSTGRES_DURABLE=1 bash "$SERVERS/postgres.sh" start "$STATE" >&2
    set -a
    # shellcheck source=/dev/null
    . "$STATE/postgres.env"
    set +a
else
    log "using the Postgres in AGENCYHUB_TEST_POSTGRES as it is configured"
fi
if [ -z "${AGENCYHUB_TEST_RABBITMQ_HOST:-}" ]; then
    started_rabbitmq=1
    # No management plugin: it costs CPU the measurement should have. No scheduler busy-wait: spinning Erlang
    # schedulers take CPU the router, the workers and Postgres need on a small machine.
    AGENCYHUB_RABBITMQ_MANAGEMENT=0 AGENCYHUB_RABBITMQ_NO_BUSY_WAIT=1 bash "$SERVERS/rabbitmq.sh" start "$STATE" >&2
    set -a
    # shellcheck source=/dev/null
    . "$STATE/rabbitmq.env"
    set +a
else
    log "using the RabbitMQ in AGENCYHUB_TEST_RABBITMQ_HOST as it is configured"
fi

dotnet exec bench/Hub.LoadHarness/bin/Release/net10.0/Hub.LoadHarness.dll "$@"
