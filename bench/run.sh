#!/usr/bin/env bash
# Load benchmark on loopback: the agenda page, the agenda API and a static file, served by one Rumbo
# (Release build, SQLite, demo data). Prints requests per second and p99 latency of each, and each one's
# ratio to the static file. Goal: agenda page >= 0.5 x the static file's throughput, p99 < 20 ms at 32 connections.
# Usage: bench/run.sh [seconds per run, default 15] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-15}
CONNECTIONS=${2:-32}
THREADS=2

command -v wrk >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

OUT=$(mktemp -d /tmp/rumbo-bench.XXXXXX)
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$OUT"' EXIT
dotnet publish src/Rumbo.Web -c Release -o "$OUT/app" --nologo -v quiet >/dev/null
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 5099)
BASE="http://127.0.0.1:$PORT"
(cd "$OUT/app" && exec env Rumbo__DataDirectory="$OUT/data" Logging__LogLevel__Default=Warning \
    dotnet Rumbo.Web.dll --urls "$BASE") >"$OUT/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do curl -fsS "$BASE/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS "$BASE/health" >/dev/null || { cat "$OUT/server.log"; exit 1; }

# Every request of this script asks for a URL never asked before, so the page is rendered each time: the cost
# behind a cache miss, after a change, or for a page the cache does not hold.
cat > "$OUT/miss.lua" <<'LUA'
local n = 0
local sep = wrk.path:find("?", 1, true) and "&" or "?"
request = function()
    n = n + 1
    return wrk.format(nil, wrk.path .. sep .. "r=" .. n .. "-" .. math.random(1, 1000000000))
end
LUA
declare -A RPS P99
run() { # name path [wrk script]
    local script=(); [ -n "${3:-}" ] && script=(-s "$3")
    wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "${script[@]}" "$BASE$2" >/dev/null  # warm-up: JIT, caches
    local out; out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${script[@]}" "$BASE$2")
    local errors; errors=$(echo "$out" | grep -E "Non-2xx|Socket errors" || true)
    [ -z "$errors" ] || { echo "$1: $errors" >&2; exit 1; }
    RPS[$1]=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    P99[$1]=$(echo "$out" | awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}')
    SIZE[$1]=$(curl -s -o /dev/null -w '%{size_download}' "$BASE$2")
}
declare -A SIZE
run static /css/site.css
run page /agendas/lc-crp-20-6
run api /api/v1/agendas/lc-crp-20-6
run rendered /agendas/lc-crp-20-6 "$OUT/miss.lua"
run search "/search?q=foresight" "$OUT/miss.lua"

echo "Rumbo load benchmark: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on loopback, server and wrk sharing $(nproc) cores, SQLite, Release build"
printf '%-32s %10s %12s %10s %10s\n' "target" "bytes" "req/s" "p99 ms" "vs static"
for k in static page api rendered search; do
    case $k in
        static) name="static file /css/site.css";; page) name="agenda page (HTML)";; api) name="agenda API (JSON)";;
        rendered) name="agenda page, rendered each time";; search) name="search \"foresight\", rendered";;
    esac
    ratio=$(awk -v a="${RPS[$k]}" -v b="${RPS[static]}" 'BEGIN {printf "%.2f", a/b}')
    printf '%-32s %10s %12s %10s %10s\n' "$name" "${SIZE[$k]}" "${RPS[$k]}" "${P99[$k]}" "$ratio"
done
awk -v p="${RPS[page]}" -v s="${RPS[static]}" -v l="${P99[page]}" 'BEGIN {
    r = p / s
    printf "goal: agenda page >= 0.50 x static throughput: %.2f (%s); p99 < 20 ms at 32 connections: %.2f ms (%s)\n", r, (r >= 0.5 ? "met" : "NOT met"), l, (l < 20 ? "met" : "NOT met")
}'
