#!/usr/bin/env bash
# Search latency: 206 fixed queries (bench/search-latency.cs) in-process and over HTTP against the published app on
# 127.0.0.1, on a generated archive. Prints p50/p95/p99 per query shape and overall.
#   bench/search-latency.sh                       the medium archive (5,000 generated articles; built once, reused)
#   bench/search-latency.sh path/to/archive.db    any archive, e.g. the full shape: bench/import-dump.sh 71000 first
# SEARCH_PORT changes the port (5078); SEARCH_LATENCY_EACH=file writes every query's figures; SEARCH_APP=folder uses
# an app published already (bench/publish-web.sh); SEARCH_TIMEOUT (30m) bounds the queries' run.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/bench/app.sh"
work=${BENCH_WORK:-/tmp/quotearchive-bench}
port=${SEARCH_PORT:-5078}
archive=${1:-$work/archive-5000.db}
if [ ! -f "$archive" ]; then
  [ $# -eq 0 ] || { echo "no archive at $archive" >&2; exit 2; }
  "$repo/bench/import-dump.sh" 5000
fi
archive=$(realpath "$archive")
app=$(mktemp -d /tmp/quotearchive-search.XXXXXX)
if [[ -n ${SEARCH_APP:-} ]]; then ln -s "$(realpath "$SEARCH_APP")" "$app/app"; else "$repo/bench/publish-web.sh" "$app/app"; fi
cleanup() { [[ -n ${app_pid:-} ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null; rm -rf "$app"; }
trap cleanup EXIT

port_free "$port" || { echo "port $port is taken (SEARCH_PORT to change)" >&2; exit 2; }
# The archive as it is (no import at start, read-only); Production; no rate limit (one client sends every query).
app_start "$app/app" "http://127.0.0.1:$port" "$archive" "$app/app.log"
app_wait "http://127.0.0.1:$port/readyz"

timeout "${SEARCH_TIMEOUT:-30m}" dotnet run -c Release "$repo/bench/search-latency.cs" -- "$archive" "http://127.0.0.1:$port"
# What the app holds after every query (the common words' sets among it): resident now, and at most.
echo "app RSS after the queries: $(awk '/VmRSS/ {print int($2/1024)}' /proc/$app_pid/status) MB, peak $(awk '/VmHWM/ {print int($2/1024)}' /proc/$app_pid/status) MB"
