#!/usr/bin/env bash
# Installs the `hub` command from this checkout as a global .NET tool (or into --tool-path DIR).
#
#   bash scripts/install-cli.sh                  # then: hub --help   (needs ~/.dotnet/tools on PATH)
#   bash scripts/install-cli.sh --tool-path DIR  # into DIR instead of the global tool folder
#
# Packs src/Hub.Cli (PackAsTool, command name hub) into artifacts/cli with a version naming this commit, so a
# reinstall after `git pull` never picks up a stale package from the NuGet cache, and installs it from there.
set -euo pipefail
cd "$(dirname "$0")/.."

where=(--global)
if [ "${1:-}" = "--tool-path" ] && [ -n "${2:-}" ]; then
    where=(--tool-path "$2")
elif [ $# -gt 0 ]; then
    echo "usage: bash scripts/install-cli.sh [--tool-path DIR]" >&2
    exit 2
fi

if sha=$(git rev-parse --short=12 HEAD 2>/dev/null) && count=$(git rev-list --count HEAD 2>/dev/null); then
    version="0.1.0-dev.$count.g$sha"
else
    version="0.1.0-local.$(date -u +%Y%m%d%H%M%S)"
fi

feed=artifacts/cli
rm -rf "$feed"
# Built apart (--artifacts-path: every project's bin and obj under artifacts/cli-build), because the tool's version
# changes the assembly versions: built in place, it would overwrite src/*/bin and obj, and a build or test of the
# checkout running at the same time (scripts/test.sh runs this script from a test) could link against a mix of both.
dotnet pack src/Hub.Cli -c Release -o "$feed" -p:Version="$version" --artifacts-path artifacts/cli-build -nologo -v quiet
dotnet tool uninstall "${where[@]}" AgencyHub.Cli >/dev/null 2>&1 || true
dotnet tool install "${where[@]}" AgencyHub.Cli --version "$version" --add-source "$feed" --ignore-failed-sources

if [ "${where[0]}" = "--global" ] && ! command -v hub >/dev/null 2>&1; then
    echo "Installed. Add the .NET tools folder to PATH to run it as hub:  export PATH=\"\$PATH:\$HOME/.dotnet/tools\""
fi
