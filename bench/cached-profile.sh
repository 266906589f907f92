#!/usr/bin/env bash
# Where a cached page's time goes: the app (published framework-dependent, so that the JIT's perf map names its code)
# serves content/'s archive on 127.0.0.1; after PROFILE_WARM (15s) of wrk at 64 connections on the page, `perf record`
# samples the app during PROFILE_SECONDS (6) more, and the script prints the share of samples under each stage of the
# request (inclusive), and wrk's requests/s during the sampling.
#   bench/cached-profile.sh                      # a quote permalink (6.5 KB)
#   bench/cached-profile.sh /wiki/Love           # any path
# Needs perf (apt-get install -y linux-perf) and wrk. Loopback only.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/bench/app.sh"
work=$(mktemp -d /tmp/quotearchive-cached-profile.XXXXXX)
port=${PROFILE_PORT:-5096} warm=${PROFILE_WARM:-15s} seconds=${PROFILE_SECONDS:-6}
app_pid=
trap '[[ -z $app_pid ]] || kill "$app_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet publish "$repo/src/QuoteArchive.Web" -c Release -o "$work/app" --nologo -v quiet >/dev/null
dotnet publish "$repo/src/QuoteArchive.Importer" -c Release -o "$work/importer" --nologo -v quiet >/dev/null
content_archive "$work/importer" "$work/archive.db"
path=${1:-/q/$(sqlite3 -batch -noheader "$work/archive.db" "SELECT Id FROM Quotes ORDER BY Id LIMIT 1")}
url=http://127.0.0.1:$port
# W^X double mapping would hide the JIT's code from perf.
app_start "$work/app" "$url" "$work/archive.db" "$work/app.log" DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 \
  -- dotnet QuoteArchive.Web.dll
app_wait "$url$path"
wrk -t2 -c64 -d"$warm" "$url$path" >/dev/null
wrk -t2 -c64 -d"$((seconds + 2))s" "$url$path" >"$work/wrk.txt" &
wrk_pid=$!
sleep 1
perf record -F 999 -g -p "$app_pid" -o "$work/perf.data" -- sleep "$seconds" >/dev/null 2>&1
wait "$wrk_pid"
echo "cached-profile: $path, $(awk '/Requests\/sec/ { print $2 }' "$work/wrk.txt") requests/s at 64 connections while sampled"
perf report -i "$work/perf.data" --children --sort symbol -g none 2>/dev/null >"$work/report.txt"
share() { awk -v pattern="$2" 'index($0, pattern) { gsub("%", "", $1); print $1; exit }' "$work/report.txt" | sed "s/^/$1: /;s/\$/ %/"; }
share "Kestrel's request loop (every request, all below it)" "HttpProtocol+<ProcessRequests>"
share "the middleware, from the first (authentication) down" "AuthenticationMiddleware::Invoke("
share "the output cache (lookup and copy of the answer)" "OutputCacheMiddleware::InvokeAwaited("
share "the copy of the cached answer to the connection" "OutputCacheMiddleware+<TryServeFromCacheAsync>"
share "sending (the sendmsg system call, TCP and loopback in the kernel)" "__libc_sendmsg"
share "receiving (recv)" "__libc_recv"
share "waiting for sockets (epoll_wait)" "epoll_wait"
