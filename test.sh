#!/usr/bin/env bash
# Runs every Rumbo test. Installs what the tests need from Debian (Chromium, PostgreSQL) when missing,
# starts PostgreSQL on loopback in a temporary folder, runs the tests on SQLite and PostgreSQL, stops it.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Import]
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
    echo "Installing ${need[*]} ..."
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# The accessibility checker the browser tests load into each page.
(cd tests/Rumbo.Browser.Tests && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
PG_DIR=$(mktemp -d /tmp/rumbo-pg.XXXXXX)
PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_DIR"
stop_pg() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; }
trap stop_pg EXIT

as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -o "-h 127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=200" start >/dev/null
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"

export RUMBO_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true"
export RUMBO_CHROMIUM="$(command -v chromium)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

set +e
dotnet test Rumbo.slnx --nologo "$@" 2>&1 | tee "$PG_DIR/test.log"
status=${PIPESTATUS[0]}
set -e
# One closing line for the whole run, summed over the test assemblies.
awk -F'[:,]' '/(Passed|Failed)! +- +Failed:/ { for (i = 1; i < NF; i++) { g = $i; gsub(/[ !-]/, "", g); v = $(i+1) + 0; if (g ~ /Failed$/) f += v; else if (g == "Passed") p += v; else if (g == "Skipped") s += v } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$PG_DIR/test.log"
exit $status
