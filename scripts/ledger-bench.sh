#!/usr/bin/env bash
# Ledger at scale (bench/Hub.LedgerBench, docs/benchmarks.md#ledger-at-scale): starts a throwaway Postgres with
# fsync ON (unless AGENCYHUB_TEST_POSTGRES names a server to use), builds hub and the bench in Release, generates a
# sealed ledger of --rows rows (default 10,000,000) by binary COPY, and times `hub audit subject` and
# `hub audit verify` on it. Writes the report as JSON and Markdown (default artifacts/ledger-bench/).
#   bash scripts/ledger-bench.sh [bench options...]     e.g. --rows 200000 for a quick check
#   bash scripts/ledger-bench.sh --help                  every option
# The 10-million-row ledger takes about 9 GB of disk in the server's data folder (under TMPDIR).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
SERVERS="$REPO/scripts/servers"
OUT="$REPO/artifacts/ledger-bench"
log() { printf '[ledger-bench] %s\n' "$*" >&2; }

STATE=$(mktemp -d "${TMPDIR:-/tmp}/agencyhub-ledger-bench.XXXXXX")
started_postgres=0
cleanup() {
    if [ "$started_postgres" -eq 1 ]; then bash "$SERVERS/postgres.sh" stop "$STATE" >&2 || log "postgres stop failed"; fi
    rm -rf "$STATE"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
log "building hub and the bench (Release)"
dotnet build src/Hub.Cli -c Release -v quiet -nologo >&2
dotnet build bench/Hub.LedgerBench -c Release -v quiet -nologo >&2

if [ -z "${AGENCYHUB_TEST_POSTGRES:-}" ]; then
    started_postgres=1
    # Honest figures: the server syncs its writes (the test servers run with fsync off).
    AGENCYHUB_POSTGRES_DURABLE=1 bash "$SERVERS/postgres.sh" start "$STATE" >&2
    set -a
    # shellcheck source=/dev/null
    . "$STATE/postgres.env"
    set +a
else
    log "using the Postgres server in AGENCYHUB_TEST_POSTGRES (the report states its fsync setting)"
fi

mkdir -p "$OUT"
dotnet exec bench/Hub.LedgerBench/bin/Release/net10.0/Hub.LedgerBench.dll --out "$OUT/ledger-bench.json" --markdown "$OUT/ledger-bench.md" "$@"
log "report: $OUT/ledger-bench.json and $OUT/ledger-bench.md"
