#!/usr/bin/env bash
# Installs, from Debian packages and only when missing, the tools the build and tests need beyond the .NET SDK:
#   - Node.js and npm: Hub.Console's build installs GOV.UK Frontend with `npm ci` (docs/adr/0030);
#   - chromium and chromium-driver: Hub.Console.Tests drives the console in a real headless browser, and
#     hub audit subject --format pdf prints the subject report with it (docs/adr/0032).
# Called by scripts/test.sh; safe to run by hand. Exits non-zero, saying what failed, if an install fails.
set -euo pipefail
LOG_TAG=test
# shellcheck source=servers/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/servers/lib.sh"

missing=()
if ! command -v node >/dev/null 2>&1; then
    missing+=(nodejs npm)
elif ! command -v npm >/dev/null 2>&1; then
    missing+=(npm)
fi
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    missing+=(chromium chromium-driver)
fi
if [ "${#missing[@]}" -gt 0 ]; then
    log "installing ${missing[*]} from Debian packages"
    apt_install "${missing[@]}"
fi
