# The published app as the benchmarks start it; sourced by them, not run.
#
# app_start FOLDER URL ARCHIVE LOG [NAME=value …] [-- COMMAND …]
#   Starts the app published in FOLDER, listening on URL, over ARCHIVE as it is: Production, no import at start, no
#   rate limit, warnings only, its output appended to LOG. NAME=value settings come after these and override them;
#   COMMAND is the app's own executable unless given (`-- dotnet QuoteArchive.Web.dll` for a framework-dependent
#   publish). Sets app_pid and app_log.
# app_wait URL [SECONDS]
#   Waits until URL answers 200 (within 120 s unless SECONDS says otherwise); fails, showing the app's log, when the
#   app exits first or the time runs out.
# port_free PORT
#   True when nothing listens on 127.0.0.1:PORT.
# content_archive IMPORTER ARCHIVE
#   Imports content/ with the importer published in IMPORTER into ARCHIVE.
# walk_paths topics|quotes ARCHIVE COUNT
#   Prints COUNT distinct paths of ARCHIVE for cache-miss walks: topic pages with plain slugs (no encoding needed) in an
#   order that does not follow the archive's, or quote permalinks; fails when the archive has fewer.
# fetch_each URL LIST PARALLEL
#   Asks URL for each path of LIST (curl, PARALLEL at a time) and prints each answer's status, one a line.
# walk_once URL LIST CONNECTIONS OUTPUT
#   wrk (bench/serve.lua, two threads) asks URL for each path of LIST once, at CONNECTIONS connections, and stops once
#   every path is answered (within 120 s); its output, with the line of figures serve.lua prints, goes to OUTPUT (and
#   its threads' marks to a folder beside it). wrk's process id is in wrk_pid while it runs, for a script's trap.
# url_encode
#   Percent-encodes each line of its input but for the characters of a path and query (wrk takes ASCII URLs only).

app_start() {
  local folder=$1 url=$2 archive=$3
  app_log=$4
  shift 4
  local settings=() command=(./QuoteArchive.Web)
  while (($#)); do
    if [[ $1 == -- ]]; then
      shift
      command=("$@")
      break
    fi
    settings+=("$1")
    shift
  done
  (cd "$folder" && exec env ASPNETCORE_URLS="$url" ASPNETCORE_ENVIRONMENT=Production Archive__DatabasePath="$archive" \
    Archive__ContentPath="$folder/.no-content" Archive__ImportOnStart=false RateLimiting__Enabled=false \
    Serilog__MinimumLevel__Default=Warning "${settings[@]}" "${command[@]}") >>"$app_log" 2>&1 &
  app_pid=$!
}

app_wait() {
  local url=$1 deadline=$((SECONDS + ${2:-120}))
  until curl -fso /dev/null --max-time 10 "$url"; do
    if ! kill -0 "$app_pid" 2>/dev/null || ((SECONDS >= deadline)); then
      echo "the app did not answer 200 on $url" >&2
      cat "$app_log" >&2
      return 1
    fi
    sleep 0.1
  done
}

content_archive() {
  local repo
  repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  dotnet "$1/QuoteArchive.Importer.dll" "$repo/content" "$2" >/dev/null 2>&1
}

walk_paths() {
  local kind=$1 archive=$2 count=$3 sql
  case $kind in
    topics) sql="SELECT '/wiki/' || Slug FROM Topics WHERE Slug NOT GLOB '*[^A-Za-z0-9_]*' ORDER BY (Id * 2654435761) % 4294967296" ;;
    quotes) sql="SELECT '/q/' || Id FROM Quotes ORDER BY Id" ;;
    *) echo "no kind $kind (topics, quotes)" >&2; return 2 ;;
  esac
  sqlite3 -batch -noheader "$archive" "$sql LIMIT $count" | awk -v n="$count" -v kind="$kind" '{ print } END {
    if (NR < n) { print "the archive has " NR " " kind ", fewer than " n > "/dev/stderr"; exit 1 } }'
}

fetch_each() {
  local url=$1 list=$2 parallel=$3
  [[ -s $list ]] || return 0
  sed "s|^|url = \"$url|; s|\$|\"\noutput = \"/dev/null\"|" "$list" |
    curl -s --parallel --parallel-max "$parallel" -K - -w '%{http_code}\n' 2>/dev/null
}

walk_once() {
  local url=$1 list=$2 connections=$3 output=$4 walked=$4.walked repo
  repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  rm -rf "$walked" && mkdir "$walked"
  SERVE_PATHS=$list SERVE_THREADS=2 SERVE_DONE=$walked \
    wrk -t2 -c"$connections" -d120s --timeout 10s -s "$repo/bench/serve.lua" "$url" >"$output" 2>&1 &
  wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null && (($(ls "$walked" | wc -l) < 2)); do sleep 0.05; done
  kill -INT "$wrk_pid" 2>/dev/null || true
  wait "$wrk_pid" || true
  wrk_pid=
  rm -rf "$walked"
}

url_encode() {
  LC_ALL=C awk 'BEGIN { for (i = 1; i < 256; i++) byte[sprintf("%c", i)] = i }
    { out = ""; for (i = 1; i <= length($0); i++) { c = substr($0, i, 1)
        out = out (c ~ /[A-Za-z0-9_.~\/()?=&-]/ ? c : sprintf("%%%02X", byte[c])) }
      print out }'
}

port_free() {
  local rc=0
  curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/" || rc=$?
  [[ $rc == 7 ]]
}
