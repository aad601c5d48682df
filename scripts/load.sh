#!/usr/bin/env bash
# End-to-end load harness (bench/Hub.LoadHarness, docs/benchmarks.md#end-to-end-load): starts throwaway RabbitMQ +
# Postgres (unless given, as for scripts/test.sh), builds the solution in Release, runs the router and the five workers
# as processes fed by the simulator, measures a raw RabbitMQ baseline in the same run, prints both and the ratios.
#   bash scripts/load.sh [harness options...]      e.g. --events 5000 --out artifacts/load.json
#   bash scripts/load.sh --help                     every option
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
log "building the solution (Release)"
dotnet build AgencyHub.sln -c Release -v quiet -nologo >&2

if [ -z "${AGENCYHUB_TEST_POSTGRES:-}" ]; then
    started_postgres=1
    bash "$SERVERS/postgres.sh" start "$STATE" >&2
    set -a
    # shellcheck source=/dev/null
    . "$STATE/postgres.env"
    set +a
fi
if [ -z "${AGENCYHUB_TEST_RABBITMQ_HOST:-}" ]; then
    started_rabbitmq=1
    # No management plugin: it costs CPU the measurement should have.
    AGENCYHUB_RABBITMQ_MANAGEMENT=0 bash "$SERVERS/rabbitmq.sh" start "$STATE" >&2
    set -a
    # shellcheck source=/dev/null
    . "$STATE/rabbitmq.env"
    set +a
fi

dotnet exec bench/Hub.LoadHarness/bin/Release/net10.0/Hub.LoadHarness.dll "$@"
