#!/usr/bin/env bash
# Installs what the tests need, starts a throw-away PostgreSQL and Redis on loopback, runs every test, stops them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK is needed (dotnet not on PATH)." >&2; exit 1; }

scripts/chromium.sh
eval "$(scripts/postgres.sh start)"
trap 'scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
eval "$(scripts/redis.sh start)"
trap 'scripts/postgres.sh stop >/dev/null 2>&1 || true; scripts/redis.sh stop >/dev/null 2>&1 || true' EXIT
echo "test.sh: PostgreSQL at $SANDIK_TEST_POSTGRES, Redis at $SANDIK_TEST_REDIS"

log="$root/.build/test.log"
mkdir -p "$root/.build"
status=0
dotnet build Sandik.slnx -c Release --nologo -v quiet </dev/null || { echo "test.sh: build failed." >&2; exit 1; }
figures="$root/tests/Sandik.Server.Tests/bin/Release/net10.0/reliability-figures.txt"
rm -f "$figures"
dotnet test --solution Sandik.slnx -c Release --no-build </dev/null 2>&1 | tee "$log" || status=$?

[[ -f "$figures" ]] && { echo "Reliability figures:"; cat "$figures"; }

# One closing line in the plain form CI reads: "N passed, N failed, N skipped".
awk '/^ *total:/ {t+=$2} /^ *failed:/ {f+=$2} /^ *succeeded:/ {s+=$2} /^ *skipped:/ {k+=$2}
     END { printf "tests: %d passed, %d failed, %d skipped\n", s, f, k }' "$log"
exit "$status"
