#!/usr/bin/env bash
# Where a cache miss's time goes: the app (published framework-dependent, so that the JIT's perf map names its code)
# serves an archive on 127.0.0.1; after PROFILE_WARM misses (curl, 8 at a time), `perf record` samples the app while
# wrk (bench/serve.lua) walks PROFILE_PAGES other pages once each at PROFILE_CONNECTIONS connections, every one a miss.
# Prints pages/s, the app's CPU time a page (from /proc), and the share of its samples by what they were doing: each
# sample is counted once, under the first of the stages below that its thread or its stack shows.
#   bench/miss-profile.sh                                  # topic pages of the full shape, /tmp/quotearchive-bench/archive-71000.db
#   PROFILE_KIND=quotes bench/miss-profile.sh archive.db   # quote permalinks
# PROFILE_KIND (topics, quotes), PROFILE_WARM (20000), PROFILE_PAGES (3000), PROFILE_CONNECTIONS (8), PROFILE_PORT (5098),
# PROFILE_APP (an app already published framework-dependent), PROFILE_DATA (a path to keep perf.data at, for perf
# report; the JIT's symbols are in /tmp/perf-PID.map until it is removed). Needs perf, wrk, sqlite3, curl. Loopback only.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/bench/app.sh"
archive=$(realpath "${1:-/tmp/quotearchive-bench/archive-71000.db}")
kind=${PROFILE_KIND:-topics} warm=${PROFILE_WARM:-20000} pages=${PROFILE_PAGES:-3000}
connections=${PROFILE_CONNECTIONS:-8} port=${PROFILE_PORT:-5098}
work=$(mktemp -d /tmp/quotearchive-miss-profile.XXXXXX)
app_pid= wrk_pid= perf_pid=
trap '[[ -z $perf_pid ]] || { kill -INT "$perf_pid" 2>/dev/null; wait "$perf_pid"; } || true
  [[ -z $wrk_pid ]] || kill "$wrk_pid" 2>/dev/null || true; [[ -z $app_pid ]] || kill "$app_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
[[ -f $archive ]] || { echo "no archive at $archive (bench/import-dump.sh 71000 builds it)" >&2; exit 1; }
port_free "$port" || { echo "port $port is taken (PROFILE_PORT)" >&2; exit 1; }
if [[ -n ${PROFILE_APP:-} ]]; then
  app=$(realpath "$PROFILE_APP")
else
  app=$work/app
  dotnet publish "$repo/src/QuoteArchive.Web" -c Release -o "$app" --nologo -v quiet >/dev/null
fi
url=http://127.0.0.1:$port

walk_paths "$kind" "$archive" $((warm + pages)) >"$work/paths.txt"
head -n "$warm" "$work/paths.txt" >"$work/warm-up.txt"
tail -n "$pages" "$work/paths.txt" >"$work/walk.txt"
cat "$archive" >/dev/null # in the OS's page cache, as on a server that has served it a while

# W^X double mapping would hide the JIT's code from perf.
app_start "$app" "$url" "$archive" "$work/app.log" DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 \
  -- dotnet QuoteArchive.Web.dll
app_wait "$url/"
fetch_each "$url" "$work/warm-up.txt" 8 >"$work/warm-up-status.txt"
# The archive's integrity check at start (a thread at nice 19) would share the samples: the walk waits it out, and
# for it to start (after the app's warm-up) when a short warm-up has not seen it yet.
checked_in=$SECONDS
checking() { grep -qx 'Archive check' /proc/"$app_pid"/task/*/comm 2>/dev/null; }
until checking || ((SECONDS - checked_in >= 10)); do sleep 0.5; done
while checking; do
  ((SECONDS - checked_in < 600)) || { echo "the archive check still runs after 600 s" >&2; exit 1; }
  sleep 0.5
done
check_wait=$((SECONDS - checked_in))
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }
perf record -F 999 -g -p "$app_pid" -o "$work/perf.data" >/dev/null 2>&1 &
perf_pid=$!
sleep 1 # perf attached
ticks_before=$(cpu_ticks)
walk_once "$url" "$work/walk.txt" "$connections" "$work/wrk.txt"
ticks_after=$(cpu_ticks)
kill -INT "$perf_pid" && wait "$perf_pid" || true
perf_pid=
[[ -z ${PROFILE_DATA:-} ]] || cp "$work/perf.data" "$PROFILE_DATA"
figures=$(grep '^serve: ' "$work/wrk.txt") || { cat "$work/wrk.txt" >&2; exit 1; }
read -r walked rps p99 not_ok < <(sed -E 's/.*requests=([^ ]+) .*rps=([^ ]+) .*p99_ms=([^ ]+) .*non2xx3xx=([^ ]+).*/\1 \2 \3 \4/' <<<"$figures")
((walked == pages)) || { echo "the walk answered $walked of $pages pages (wrk's 120 s ran out?)" >&2; cat "$work/wrk.txt" >&2; exit 1; }
echo "miss-profile: $archive, $walked $kind pages after $warm (warm-up: $(grep -vc '^200$' "$work/warm-up-status.txt") not 200; then $check_wait s for the archive check), $connections connections"
echo "  $rps pages/s, p99 $p99 ms, $not_ok not 200; the app's CPU time: $(awk -v t=$((ticks_after - ticks_before)) -v hz="$(getconf CLK_TCK)" -v n="$walked" \
  'BEGIN { printf "%.2f ms a page", 1000 * t / hz / n }')"

# Each sample under one stage: the runtime's own threads by name; on a request's thread, the innermost frame (leaf
# first) that belongs to one of the stages, so that what a stage calls into (an allocation, a copy) counts as its own.
perf script -i "$work/perf.data" -F comm,ip,sym,dso 2>/dev/null | awk '
  BEGIN { RS = ""; FS = "\n" }
  function stage(    i, name) {
    if ($1 ~ /Tiered Com/) return "the JIT tiering up hot code (its background thread)"
    if ($1 ~ /Server GC|\.NET BGC/) return "garbage collection (its threads)"
    if ($1 !~ /TP Worker|Sockets/) { name = $1; gsub(/^ +| +$/, "", name); return "other threads (" name ")" }
    if ($2 ~ /libclrjit/) return "the JIT compiling on a request thread"
    for (i = 2; i <= NF; i++) {
      if ($i ~ /libe_sqlite3|sys_pread64/) return "SQLite (its code, and its reads of the file)"
      if ($i ~ /Microsoft\.Data\.Sqlite|SQLitePCL/) return "Microsoft.Data.Sqlite (commands, readers, values)"
      if ($i ~ /EntityFrameworkCore/) return "EF Core (contexts, connections, queries)"
      if ($i ~ /sendmsg|sys_send|recvmsg|sys_recv|epoll_wait|writev|System\.Net\.Sockets/) return "sockets (sending, receiving, waiting)"
      if ($i ~ /Microsoft\.AspNetCore\.OutputCaching/) return "the output cache (storing the page, serving)"
      if ($i ~ /Mvc\.Razor|Mvc\.ViewFeatures|Text\.Encodings\.Web|HtmlEncoder|\.Pages_/) return "rendering the page (Razor views, HTML encoding)"
      if ($i ~ /QuoteArchive\.Web\.(Archive|Pages)/) return "the app building the page model"
    }
    return "the rest (Kestrel, routing, MVC, middleware, runtime)"
  }
  { count[stage()]++; total++ }
  END { for (s in count) printf "  %5.1f %%  %s\n", 100 * count[s] / total, s | "sort -rn"; close("sort -rn"); printf "  (%d samples)\n", total }'
