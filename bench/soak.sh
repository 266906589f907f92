#!/usr/bin/env bash
# Soak run: publishes the web app as the Dockerfile does (bench/publish-web.sh), serves the default content on 127.0.0.1, and runs wrk (64 connections) against a
# mix of pages, searches, API calls and cache-busting queries. Prints errors and the app's RSS at start and end.
#   bench/soak.sh                 5 minutes
#   SOAK_DURATION=60s bench/soak.sh
set -euo pipefail
duration=${SOAK_DURATION:-300s}
connections=${SOAK_CONNECTIONS:-64}
port=${SOAK_PORT:-5077}
repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/bench/app.sh"
work=$(mktemp -d /tmp/quotearchive-soak.XXXXXX)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

"$repo/bench/publish-web.sh" "$work/app"
cleanup() { [[ -n ${app_pid:-} ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# content/ imported at start, as a self-hoster's first start does. One client address for all 64 connections: the
# per-client rate limit (off here) would answer most of them 429.
app_start "$work/app" "http://127.0.0.1:$port" "$work/data/archive.db" "$work/app.log" \
  Archive__ContentPath="$repo/content" Archive__ImportOnStart=true
app_wait "http://127.0.0.1:$port/readyz"
pid=$app_pid
rss() { awk '/VmRSS/ {print $2 / 1024 " MB"}' "/proc/$pid/status"; }

ids=$(for _ in $(seq 1 20); do curl -fs "http://127.0.0.1:$port/api/random" | grep -o '"id":"[a-z2-7]*"' | head -1 | cut -d'"' -f4; done | sort -u | tr '\n' ' ')
rss_start=$(rss)
echo "soak: $connections connections for $duration against http://127.0.0.1:$port (RSS at start $rss_start)"
# Past the server's own request timeout (10 s, then 504), so a slow answer counts as what it is, not as a socket error.
# RSS every 30 s while wrk runs: whether memory levels off, not only where it ends.
(while sleep 30; do echo "soak: RSS after ${SECONDS}s: $(rss)"; done) &
sampler=$!
SECONDS=0
QA_IDS="$ids" wrk -t2 -c"$connections" -d"$duration" --timeout 15s --latency -s "$repo/bench/soak.lua" "http://127.0.0.1:$port" | tee "$work/wrk.txt"
kill "$sampler" 2>/dev/null || true
rss_end=$(rss)
errors=$(awk '/Non-2xx or 3xx responses/ {print $NF}' "$work/wrk.txt"); errors=${errors:-0}
socket=$(awk '/Socket errors/ {print}' "$work/wrk.txt"); socket=${socket:-"Socket errors: none"}
server_errors=$(grep -c '" responded 5' "$work/app.log" || true)
echo "soak: non-2xx/3xx responses: $errors; ${socket# }; 5xx logged: $server_errors; RSS start $rss_start, end $rss_end"
