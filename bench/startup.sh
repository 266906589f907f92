#!/usr/bin/env bash
# Start-up over an existing archive: publishes the web app as the Dockerfile does, then, a few times over, starts it on
# 127.0.0.1 against the archive as it is (no import) and prints the milliseconds from process start to the first 200
# of / and of a topic page, the phases the app's log shows, and its RSS at rest and under a short load; then medians.
#   bench/startup.sh                                   the full shape: /tmp/quotearchive-bench/archive-71000.db
#   bench/startup.sh ARCHIVE.db                        any archive (bench/import-dump.sh 5000 leaves a medium one)
# STARTUP_RUNS (5), STARTUP_LOAD (10s of bench/soak.lua at 64 connections; 0 for none), STARTUP_PORT (5079),
# STARTUP_APP (a published app folder to start instead of publishing this checkout: another commit's figures),
# STARTUP_ENV ("NAME=value …" for the app's environment, e.g. DOTNET_TieredPGO=0).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/bench/app.sh"
archive=$(realpath "${1:-/tmp/quotearchive-bench/archive-71000.db}")
runs=${STARTUP_RUNS:-5}
load=${STARTUP_LOAD:-10s}
port=${STARTUP_PORT:-5079}
work=$(mktemp -d /tmp/quotearchive-startup.XXXXXX)
read -r -a extra_env <<<"${STARTUP_ENV:-}"

log() { echo "startup: $*" >&2; }
die() { log "$*"; exit 1; }
cleanup() {
  [[ -z ${app_pid:-} ]] || { kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[[ -f $archive ]] || die "no archive at $archive (bench/import-dump.sh 71000 builds the full shape)"
for tool in curl sqlite3 wrk; do command -v "$tool" >/dev/null || die "missing: $tool (apt-get install -y curl sqlite3 wrk)"; done
curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/" && die "port $port is taken (STARTUP_PORT to change)"

now_ns() { date +%s%N; }
ms_between() { echo $((($2 - $1) / 1000000)); }
rss_mb() { awk -v field="$2:" '$1 == field { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print NR ? (NR % 2 ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)) : "-" }'; }

# Polls every 10 ms until the URL answers 200; fails when the app ends or after a minute and a half.
wait_for_200() {
  local deadline=$(($(date +%s) + 90))
  until curl -fso /dev/null --max-time 30 "$1"; do
    kill -0 "$app_pid" 2>/dev/null || return 1
    (($(date +%s) < deadline)) || return 1
    sleep 0.01
  done
}

# The app's log without the line of each request the polling made.
show_log() { grep -v '"RequestPath"' "$work/app.log" | tail -20 >&2; }

# The time of the app's first log event whose message template starts with $1, in ns since the epoch (compact JSON).
logged_ns() {
  local stamp
  stamp=$(grep -m1 "\"@mt\":\"$1" "$work/app.log" | sed -E 's/^\{"@t":"([^"]+)".*/\1/') || true
  [[ -n $stamp ]] && date -d "$stamp" +%s%N || echo ""
}

if [[ -n ${STARTUP_APP:-} ]]; then
  app=$(realpath "$STARTUP_APP")
else
  log "publishing the web app as the Dockerfile does (Release)"
  app=$work/app
  "$repo/bench/publish-web.sh" "$app"
fi

# As the image starts it (its own executable, .NET inside), or an app published framework-dependent (STARTUP_APP).
if [[ -x $app/QuoteArchive.Web ]]; then start_command=(./QuoteArchive.Web); else start_command=(dotnet QuoteArchive.Web.dll); fi

# A topic from the middle of the archive, chosen by rule so that the same archive gives the same page (a slug of
# plain letters, digits and underscores: no encoding needed).
topic=$(sqlite3 -batch -noheader "$archive" "SELECT Slug FROM Topics WHERE Id >= (SELECT max(Id) / 2 FROM Topics)
  AND Slug NOT GLOB '*[^A-Za-z0-9_]*' ORDER BY Id LIMIT 1")
[[ -n $topic ]] || die "no topic with a plain slug in $archive"
topic_path=/wiki/$topic
log "archive $archive ($(($(stat -c %s "$archive") / 1048576)) MB), topic $topic_path, $runs runs"

declare -a home_ms topic_ms served_ms listening_ms rest_mb peak_mb
for run in $(seq 1 "$runs"); do
  : >"$work/app.log"
  started=$(now_ns)
  # As bench/serve.sh runs it, but logging at Information in compact JSON, so that the log's own times mark the phases.
  app_start "$app" "http://127.0.0.1:$port" "$archive" "$work/app.log" Serilog__MinimumLevel__Default=Information \
    Serilog__WriteTo__0__Args__formatter='Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact' \
    "${extra_env[@]}" -- "${start_command[@]}"
  wait_for_200 "http://127.0.0.1:$port/" || { show_log; die "the app did not answer 200 on /"; }
  home_ms+=("$(ms_between "$started" "$(now_ns)")")
  wait_for_200 "http://127.0.0.1:$port$topic_path" || { show_log; die "the app did not answer 200 on $topic_path"; }
  topic_ms+=("$(ms_between "$started" "$(now_ns)")")
  served=$(logged_ns "Serving archive build") listening=$(logged_ns "Now listening on")
  served_ms+=("${served:+$(ms_between "$started" "$served")}")
  listening_ms+=("${listening:+$(ms_between "$started" "$listening")}")
  rest_mb+=("$(rss_mb "$app_pid" VmRSS)")
  if [[ $load != 0 ]]; then
    ids=$(for _ in 1 2 3 4 5 6 7 8; do curl -fs "http://127.0.0.1:$port/api/random" | grep -o '"id":"[a-z2-7]*"' | head -1 | cut -d'"' -f4; done | sort -u | tr '\n' ' ')
    QA_IDS="$ids" wrk -t2 -c64 -d"$load" --timeout 15s -s "$repo/bench/soak.lua" "http://127.0.0.1:$port" >"$work/wrk.txt"
  fi
  peak_mb+=("$(rss_mb "$app_pid" VmHWM)")
  load_rate=$([[ $load == 0 ]] || awk '/^Requests\/sec/ { printf " (%.0f requests/s)", $2 }' "$work/wrk.txt")
  errors=$(grep -c '"StatusCode":5' "$work/app.log" || true)
  # The requests behind a 5xx, with the log's errors, so that a rare one can be told apart (the log goes with $work).
  ((errors == 0)) || grep -E '"StatusCode":5|"@l":"(Error|Fatal)"' "$work/app.log" | head -5 >&2
  echo "run $run: first 200 of / ${home_ms[-1]} ms, of $topic_path ${topic_ms[-1]} ms;" \
    "archive served at ${served_ms[-1]:-?} ms, listening at ${listening_ms[-1]:-?} ms;" \
    "RSS ${rest_mb[-1]} MB at rest, peak ${peak_mb[-1]} MB$([[ $load == 0 ]] || echo " with $load of load$load_rate"); 5xx logged: $errors"
  kill "$app_pid" && wait "$app_pid" 2>/dev/null || true
  app_pid=
done

echo "median of $runs: first 200 of / $(printf '%s\n' "${home_ms[@]}" | median) ms, of $topic_path $(printf '%s\n' "${topic_ms[@]}" | median) ms;" \
  "archive served at $(printf '%s\n' "${served_ms[@]}" | grep . | median) ms, listening at $(printf '%s\n' "${listening_ms[@]}" | grep . | median) ms;" \
  "RSS $(printf '%s\n' "${rest_mb[@]}" | median) MB at rest, peak $(printf '%s\n' "${peak_mb[@]}" | median) MB"
