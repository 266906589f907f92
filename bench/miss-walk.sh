#!/usr/bin/env bash
# Cache misses of many topic pages in a warm process: the app (published as the Dockerfile does, or MISS_APP) is
# started on an archive, warmed up on MISS_WARM topic pages (MISS_PAGES unless set), then wrk (bench/serve.lua) walks
# MISS_PAGES other topic pages once each at MISS_CONNECTIONS connections; every page is a miss. Prints pages/s, p50 and p99; MISS_ROUNDS
# walks of fresh pages, each in a fresh process; the app's RSS after each walk. The app inherits the environment
# (settings as Archive__…=… before the command). Loopback only.
#   bench/miss-walk.sh                                            # the full shape, /tmp/quotearchive-bench/archive-71000.db
#   MISS_APP=/tmp/other-app bench/miss-walk.sh archive.db         # an app published from another commit
#   MISS_WARM=20000 bench/miss-walk.sh                            # a process that has rendered many pages already
# MISS_KIND (topics, or quotes: permalinks), MISS_PAGES (1000), MISS_WARM, MISS_CONNECTIONS (8), MISS_ROUNDS (3),
# MISS_PORT (5097).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/bench/app.sh"
archive=$(realpath "${1:-/tmp/quotearchive-bench/archive-71000.db}")
pages=${MISS_PAGES:-1000} warm=${MISS_WARM:-${MISS_PAGES:-1000}} connections=${MISS_CONNECTIONS:-8} rounds=${MISS_ROUNDS:-3} port=${MISS_PORT:-5097}
kind=${MISS_KIND:-topics}
work=$(mktemp -d /tmp/quotearchive-miss-walk.XXXXXX)
app_pid=
wrk_pid=
trap '[[ -z $wrk_pid ]] || kill "$wrk_pid" 2>/dev/null || true; [[ -z $app_pid ]] || kill "$app_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
[[ -f $archive ]] || { echo "no archive at $archive (bench/import-dump.sh 71000 builds it)" >&2; exit 1; }
if [[ -n ${MISS_APP:-} ]]; then app=$(realpath "$MISS_APP"); else app=$work/app; "$repo/bench/publish-web.sh" "$app"; fi
if [[ -x $app/QuoteArchive.Web ]]; then start_command=(./QuoteArchive.Web); else start_command=(dotnet QuoteArchive.Web.dll); fi
url=http://127.0.0.1:$port

# The warm-up's and each round's walk, all distinct.
walk_paths "$kind" "$archive" $(((warm + pages) * rounds)) >"$work/topics.txt"
echo "miss-walk: $archive ($(($(stat -c %s "$archive") / 1048576)) MB), $pages $kind a walk after $warm at $connections connections, app $app"
# Read once, so that the walk finds the file in the OS's page cache as on a server that has served it a while (a cold
# cache made the same walk ten times as slow: every page's rows read from the disk).
cat "$archive" >/dev/null
for round in $(seq "$rounds"); do
  : >"$work/app.log"
  app_start "$app" "$url" "$archive" "$work/app.log" -- "${start_command[@]}"
  app_wait "$url/"
  first=$(((round - 1) * (warm + pages)))
  sed -n "$((first + 1)),$((first + warm))p" "$work/topics.txt" >"$work/warm-up.txt"
  fetch_each "$url" "$work/warm-up.txt" "$connections" >"$work/warm-up-status.txt"
  sed -n "$((first + warm + 1)),$((first + warm + pages))p" "$work/topics.txt" >"$work/walk.txt"
  walk_once "$url" "$work/walk.txt" "$connections" "$work/wrk.txt"
  figures=$(grep '^serve: ' "$work/wrk.txt") || { cat "$work/wrk.txt" >&2; exit 1; }
  rss=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status")
  sed -E "s/serve: requests=([^ ]+) seconds=([^ ]+) rps=([^ ]+) p50_ms=([^ ]+) p99_ms=([^ ]+) .* non2xx3xx=([^ ]+)/round $round: \\1 pages in \\2 s, \\3 pages\\/s, p50 \\4 ms, p99 \\5 ms, \\6 not 200 (warm-up: $(grep -vc '^200$' "$work/warm-up-status.txt") not 200), RSS $rss MB/" <<<"$figures"
  kill "$app_pid" && wait "$app_pid" 2>/dev/null || true
  app_pid=
done
