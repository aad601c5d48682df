#!/usr/bin/env bash
# The project's test command: starts throwaway RabbitMQ + Postgres (unless given), runs every test
# project in the solution, and ends with the plain line "N passed, N failed[, N skipped]".
#   bash scripts/test.sh [extra dotnet test args...]     e.g. --filter "Category!=Slow"
# Reuse running servers by exporting AGENCYHUB_TEST_RABBITMQ_HOST (+ _PORT, _VHOST and the
# AGENCYHUB_BROKER_PASSWORD_* variables) and/or AGENCYHUB_TEST_POSTGRES before calling it.
# Exit status: non-zero if dotnet test failed, any test failed, or no test ran.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
SERVERS="$REPO/scripts/servers"
RESULTS="$REPO/artifacts/test-results"
SOLUTION="${AGENCYHUB_TEST_SOLUTION:-AgencyHub.sln}"

log() { printf '[test] %s\n' "$*" >&2; }

STATE=$(mktemp -d "${TMPDIR:-/tmp}/agencyhub-test.XXXXXX")
started_rabbitmq=0
started_postgres=0
pg_start_pid=""
cleaned=0
# Stops whatever this run started. Called explicitly before the summary (so the summary stays the
# last line) and again from the EXIT trap for early exits and signals; the second call is a no-op.
cleanup() {
    [ "$cleaned" -eq 0 ] || return 0
    cleaned=1
    if [ -n "$pg_start_pid" ]; then wait "$pg_start_pid" 2>/dev/null || true; fi
    # The node's data is deleted with STATE: skip the graceful stop (~8 s with management).
    if [ "$started_rabbitmq" -eq 1 ]; then
        AGENCYHUB_RABBITMQ_FAST_STOP=1 bash "$SERVERS/rabbitmq.sh" stop "$STATE" >&2 || log "rabbitmq stop failed"
    fi
    if [ "$started_postgres" -eq 1 ]; then bash "$SERVERS/postgres.sh" stop "$STATE" >&2 || log "postgres stop failed"; fi
    rm -rf "$STATE"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Node.js/npm (Hub.Console's build) and chromium/chromedriver (its browser test, and the subject report's PDF),
# from Debian packages when missing.
bash "$REPO/scripts/test-tools.sh"

t0=$SECONDS

# Postgres starts in ~1 s, RabbitMQ in ~5-10 s: start them side by side.
if [ -z "${AGENCYHUB_TEST_POSTGRES:-}" ]; then
    started_postgres=1
    bash "$SERVERS/postgres.sh" start "$STATE" &
    pg_start_pid=$!
else
    log "using Postgres from AGENCYHUB_TEST_POSTGRES"
fi
if [ -z "${AGENCYHUB_TEST_RABBITMQ_HOST:-}" ]; then
    started_rabbitmq=1
    bash "$SERVERS/rabbitmq.sh" start "$STATE"
    set -a
    # shellcheck source=/dev/null
    . "$STATE/rabbitmq.env"
    set +a
else
    log "using RabbitMQ at $AGENCYHUB_TEST_RABBITMQ_HOST:${AGENCYHUB_TEST_RABBITMQ_PORT:-5672}"
fi
if [ -n "$pg_start_pid" ]; then
    wait "$pg_start_pid" || { pg_start_pid=""; log "postgres failed to start"; exit 1; }
    pg_start_pid=""
    set -a
    # shellcheck source=/dev/null
    . "$STATE/postgres.env"
    set +a
fi
[ "$started_rabbitmq$started_postgres" = 00 ] || log "servers ready after $((SECONDS - t0)) s"

export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"
export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"
if [ -n "${CI:-}" ]; then
    # No MSBuild worker nodes lingering after the run in CI.
    export MSBUILDDISABLENODEREUSE=1
fi

# Fresh results each run, so stale TRX files never count.
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# vstest cannot name TRX files per project from the command line (a fixed LogFileName is
# overwritten by each project; {assembly} placeholders are not supported), so let it pick unique
# names and rename each file after its test assembly below.
rc=0
# A test that hangs fails after 10 minutes (no dump: none is needed to read which test it was).
dotnet test "$SOLUTION" -c Release --logger trx --results-directory "$RESULTS" --blame-hang-timeout 10m --blame-hang-dump-type none "$@" || rc=$?

if [ -n "${CI:-}" ]; then dotnet build-server shutdown >/dev/null 2>&1 || true; fi

shopt -s nullglob
for f in "$RESULTS"/*.trx; do
    asm=$(grep -o -m1 'codeBase="[^"]*"' "$f" | sed 's/codeBase="//; s/"$//; s#.*/##; s/\.dll$//' || true)
    [ -n "$asm" ] || continue
    target="$RESULTS/$asm.trx"
    [ "$f" = "$target" ] && continue
    n=2
    while [ -e "$target" ]; do target="$RESULTS/$asm.$n.trx"; n=$((n + 1)); done
    mv "$f" "$target"
done
trx_files=("$RESULTS"/*.trx)

# Totals from each TRX <Counters .../> element. xUnit reports skipped tests as total - executed
# (its notExecuted counter stays 0); error/timeout/aborted count as failures.
read -r passed failed skipped < <(
    for f in "${trx_files[@]}"; do grep -o -m1 '<Counters [^>]*>' "$f" || true; done | awk '
        function attr(s, name,   m) {
            if (match(s, " " name "=\"[0-9]+\"")) { m = substr(s, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0 }
            return 0
        }
        {
            total += attr($0, "total"); executed += attr($0, "executed"); passed += attr($0, "passed")
            failed += attr($0, "failed") + attr($0, "error") + attr($0, "timeout") + attr($0, "aborted")
            notexec += attr($0, "notExecuted")
        }
        END { skipped = total - executed; if (notexec > skipped) skipped = notexec; print passed + 0, failed + 0, skipped + 0 }'
)

# A run that aborts (a crashed or hung test host, killed by the blame timeout) leaves counters without the test it
# was running: count each such run as one failure, so the summary never says "0 failed" for a failing run.
for f in "${trx_files[@]}"; do
    outcome=$(grep -o -m1 'ResultSummary outcome="[A-Za-z]*"' "$f" | sed 's/.*="//; s/"$//' || true)
    counted=$(grep -o -m1 '<Counters [^>]*>' "$f" | grep -o ' \(failed\|error\|timeout\|aborted\)="[0-9]*"' | grep -o '[0-9][0-9]*' | awk '{ n += $1 } END { print n + 0 }')
    if [ -n "$outcome" ] && [ "$outcome" != "Completed" ] && [ "$outcome" != "Passed" ] && [ "${counted:-0}" -eq 0 ]; then
        log "test run in $(basename "$f") ended '$outcome' with no failed test recorded (crashed or hung host): counted as 1 failure"
        failed=$((failed + 1))
    fi
done

cleanup

status=0
if [ "$rc" -ne 0 ]; then log "dotnet test exited with $rc"; status=1; fi
if [ "$failed" -gt 0 ]; then status=1; fi
if [ $((passed + failed)) -eq 0 ]; then log "no tests ran (${#trx_files[@]} TRX files in $RESULTS)"; status=1; fi
log "TRX files: $RESULTS"

summary="$passed passed, $failed failed"
if [ "$skipped" -gt 0 ]; then summary="$summary, $skipped skipped"; fi
echo "$summary"
exit "$status"
