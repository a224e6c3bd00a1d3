#!/usr/bin/env bash
# Load benchmark on loopback: every public page and the main API reads of one Rumbo (Release build, SQLite, the demo
# data and seven generated groups of a real size, bench/Rumbo.Bench.Data), each rendered afresh on every request and
# served from the output cache, against a static file of the same server. Prints requests per second, p99 latency and
# each one's ratio to the static file, then the goals.
# Usage: bench/run.sh [seconds per run, default 10] [connections, default 32]
# RUMBO_BENCH_DATA=DIR keeps the generated data directory in DIR and reuses it on the next run (the generator adds
# nothing to a directory that has its groups already).
# RUMBO_BENCH_PAGES="group,meeting" loads only the pages of those names (as printed in the table), with the static file.
# RUMBO_BENCH_WARMUP=SECONDS is the load before each measured run (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
CONNECTIONS=${2:-32}
THREADS=2
WARMUP=${RUMBO_BENCH_WARMUP:-5}

command -v wrk >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

OUT=$(mktemp -d /tmp/rumbo-bench.XXXXXX)
SERVER=
trap '[ -z "$SERVER" ] || { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; }; rm -rf "$OUT"' EXIT
DATA=${RUMBO_BENCH_DATA:-$OUT/data}
dotnet publish src/Rumbo.Web -c Release -o "$OUT/app" --nologo -v quiet >/dev/null
dotnet build bench/Rumbo.Bench.Data -c Release -o "$OUT/data-generator" --nologo -v quiet >/dev/null
dotnet "$OUT/data-generator/Rumbo.Bench.Data.dll" "$DATA" > "$OUT/targets"
declare -A T
while IFS='=' read -r key value; do T[$key]=$value; done < "$OUT/targets"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 5099)
BASE="http://127.0.0.1:$PORT"
(cd "$OUT/app" && exec env Rumbo__DataDirectory="$DATA" Logging__LogLevel__Default=Warning \
    dotnet Rumbo.Web.dll --urls "$BASE") >"$OUT/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do curl -fsS "$BASE/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS "$BASE/health" >/dev/null || { cat "$OUT/server.log"; exit 1; }

# The pages, in the order printed: name and path. Group, meeting, record, person, agreement, plan and country are the
# generator's (a generated group, its latest meeting held and that meeting's approved public record).
G=${T[group]}; M=${T[meeting]}
PAGES=(
    "home|/"
    "agendas|/agendas"
    "agenda|/agendas/lc-crp-20-6"
    "line|/agendas/lc-crp-20-6/lines/1.1.1"
    "search|/search?q=foresight"
    "groups|/groups"
    "group|/groups/$G"
    "group meetings|/groups/$G/meetings"
    "group agreements|/groups/$G/agreements"
    "meeting|/meetings/$M"
    "record|/meetings/$M/records/${T[record]}"
    "agreement|/agreements/${T[agreement]}"
    "countries|/countries"
    "country|/countries/${T[country]}"
    "person|/people/${T[person]}"
    "governance|/governance"
    "meetings|/meetings"
    "documents|/documents"
    "plan|/plans/${T[plan]}"
    "api page|/api"
    "api agenda|/api/v1/agendas/lc-crp-20-6"
    "api group|/api/v1/groups/$G"
    "api meeting|/api/v1/meetings/$M"
    "api records|/api/v1/meetings/$M/records"
)
if [ -n "${RUMBO_BENCH_PAGES:-}" ]; then
    SELECTED=()
    for p in "${PAGES[@]}"; do
        case ",$RUMBO_BENCH_PAGES," in *",${p%%|*},"*) SELECTED+=("$p") ;; esac
    done
    [ "${#SELECTED[@]}" -gt 0 ] || { echo "RUMBO_BENCH_PAGES=$RUMBO_BENCH_PAGES names no page" >&2; exit 1; }
    PAGES=("${SELECTED[@]}")
fi
for p in "${PAGES[@]}"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE${p#*|}")
    [ "$code" = 200 ] || { echo "${p%%|*} ${p#*|}: HTTP $code" >&2; exit 1; }
done

# Every request through this script asks for a URL never asked before, so the page is rendered each time: the cost
# behind a cache miss, after a change, or for a page the cache does not hold. The URL holds this run's nonce, the wrk
# thread and a counter: an earlier version used math.random, whose sequence wrk's threads (and every run) repeat, so
# half the "fresh" requests and every one after the warm-up were answered from the cache.
cat > "$OUT/miss.lua" <<'LUA'
local threads = 0
function setup(thread)
    threads = threads + 1
    thread:set("id", threads)
end
function init(args)
    n = 0
    nonce = os.getenv("RUMBO_BENCH_NONCE")
    sep = wrk.path:find("?", 1, true) and "&" or "?"
end
function request()
    n = n + 1
    return wrk.format(nil, wrk.path .. sep .. "r=" .. nonce .. "-" .. id .. "-" .. n)
end
LUA
declare -A RPS P99 SIZE ERR
run() { # key path [wrk script]
    local script=(); [ -n "${3:-}" ] && script=(-s "$3")
    # A new nonce for each wrk run, so that the measured run does not ask again for the warm-up's URLs.
    export RUMBO_BENCH_NONCE="$RANDOM$RANDOM-w"
    # Warm-up: tiered compilation takes several seconds of load to settle; two were not enough, and whichever page
    # came first after start-up measured up to 40 % below its rate later in the same run.
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "${script[@]}" "$BASE$2" >/dev/null
    export RUMBO_BENCH_NONCE="$RANDOM$RANDOM-m"
    local out; out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${script[@]}" "$BASE$2")
    # Failed answers are counted, not fatal: a page that fails under load is a finding to print, not a reason to stop.
    ERR[$1]=$(echo "$out" | awk '/Non-2xx/ {n += $NF} /Socket errors/ {for (i = 3; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) n += $i} END {print n + 0}')
    RPS[$1]=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    P99[$1]=$(echo "$out" | awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}')
    SIZE[$1]=$(curl -s -o /dev/null -w '%{size_download}' "$BASE$2")
}
# Start-up: every page once under load before anything is measured. Tiered compilation of the whole application took
# some forty seconds of load on two cores, and the static file measured first ran at half its rate at the end.
for p in "${PAGES[@]}"; do
    export RUMBO_BENCH_NONCE="$RANDOM$RANDOM-s"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$OUT/miss.lua" "$BASE${p#*|}" >/dev/null
done
# The static file too: measured first without it, it ran at half the rate it had at the end of the same run.
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$BASE/css/site.css" >/dev/null
# The static file is measured first and last; ratios are to the mean of the two, as other work on the machine moves both.
run static1 /css/site.css
for p in "${PAGES[@]}"; do
    run "fresh:${p%%|*}" "${p#*|}" "$OUT/miss.lua"
    run "cached:${p%%|*}" "${p#*|}"
done
run static2 /css/site.css
STATIC=$(awk -v a="${RPS[static1]}" -v b="${RPS[static2]}" 'BEGIN {printf "%.2f", (a + b) / 2}')

echo "Rumbo load benchmark: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on loopback, server and wrk sharing $(nproc) cores, SQLite, Release build"
echo "static file /css/site.css: ${RPS[static1]} req/s (p99 ${P99[static1]} ms) before the pages, ${RPS[static2]} req/s (p99 ${P99[static2]} ms) after; ratios are to the mean, $STATIC req/s"
printf '%-18s %-44s %8s | %9s %8s %7s | %9s %8s %7s | %s\n' "page" "path" "bytes" "fresh/s" "p99 ms" "ratio" "cached/s" "p99 ms" "ratio" "failed answers"
for p in "${PAGES[@]}"; do
    k=${p%%|*}; path=${p#*|}
    printf '%-18s %-44s %8s | %9s %8s %7s | %9s %8s %7s | %s\n' "$k" "$path" "${SIZE[fresh:$k]}" \
        "${RPS[fresh:$k]}" "${P99[fresh:$k]}" "$(awk -v a="${RPS[fresh:$k]}" -v s="$STATIC" 'BEGIN {printf "%.3f", a/s}')" \
        "${RPS[cached:$k]}" "${P99[cached:$k]}" "$(awk -v a="${RPS[cached:$k]}" -v s="$STATIC" 'BEGIN {printf "%.3f", a/s}')" "${ERR[fresh:$k]}/${ERR[cached:$k]}"
done
grep -E "fail|warn|error" -i "$OUT/server.log" | sort | uniq -c | sort -rn | head -5 || true
goal() { # key description minimum-ratio maximum-p99
    awk -v n="$2" -v r="${RPS[$1]}" -v s="$STATIC" -v p="${P99[$1]}" -v min="$3" -v max="$4" -v c="$CONNECTIONS" 'BEGIN {
        q = r / s
        printf "goal: %s >= %.2f x static throughput: %.3f (%s); p99 < %d ms at %d connections: %.2f ms (%s)\n", n, min, q, (q >= min ? "met" : "NOT met"), max, c, p, (p < max ? "met" : "NOT met")
    }'
}
[ -z "${RPS[cached:agenda]:-}" ] || goal "cached:agenda" "agenda page, cached" 0.50 20
[ -z "${RPS[fresh:group]:-}" ] || goal "fresh:group" "a group's page, rendered afresh" 0.10 50
[ -z "${RPS[fresh:meeting]:-}" ] || goal "fresh:meeting" "a meeting's page, rendered afresh" 0.10 50
