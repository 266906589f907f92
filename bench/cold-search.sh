#!/usr/bin/env bash
# Searches right after a start with nothing of the archive in the OS's page cache, as after a reboot: publishes the web
# app as the Dockerfile does, then, a few times over, drops the page cache (root only), starts the app on 127.0.0.1
# over the archive as it is, waits for its first 200 of /, and asks once for each of twelve searches of different
# words (common and rare words, a phrase, a prefix), one after the other. Prints each search's milliseconds (curl's
# total time) and their sum, per run.
#   bench/cold-search.sh                              the full shape: /tmp/quotearchive-bench/archive-71000.db
#   bench/cold-search.sh ARCHIVE.db
# COLD_RUNS (3), COLD_PORT (5081), COLD_APP (a published app folder instead of publishing this checkout),
# COLD_ENV ("NAME=value …" for the app's environment), COLD_PAUSE (seconds between the first 200 and the searches: 0),
# COLD_DROP (1; 0 keeps the page cache: the same fresh process over a warm cache, for comparison).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/bench/app.sh"
archive=$(realpath "${1:-/tmp/quotearchive-bench/archive-71000.db}")
runs=${COLD_RUNS:-3}
port=${COLD_PORT:-5081}
work=$(mktemp -d /tmp/quotearchive-cold.XXXXXX)
read -r -a extra_env <<<"${COLD_ENV:-}"

log() { echo "cold-search: $*" >&2; }
die() { log "$*"; exit 1; }
cleanup() {
  [[ -z ${app_pid:-} ]] || { kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[[ -f $archive ]] || die "no archive at $archive (bench/import-dump.sh 71000 builds the full shape)"
drop=${COLD_DROP:-1}
[[ $drop == 0 || -w /proc/sys/vm/drop_caches ]] || die "dropping the page cache needs root (/proc/sys/vm/drop_caches)"
command -v curl >/dev/null || die "missing: curl"
curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/" && die "port $port is taken (COLD_PORT to change)"

if [[ -n ${COLD_APP:-} ]]; then
  app=$(realpath "$COLD_APP")
else
  log "publishing the web app as the Dockerfile does (Release)"
  app=$work/app
  "$repo/bench/publish-web.sh" "$app"
fi
if [[ -x $app/QuoteArchive.Web ]]; then start_command=(./QuoteArchive.Web); else start_command=(dotnet QuoteArchive.Web.dll); fi

# Words of the generated corpus's running text (bench/Corpus), by rank: common, middling, rare; each search another.
searches=(love "the world" time "heart of" truth river42 "peace war" philosoph\* beauty stone7 "\"the heart\"" music)
log "archive $archive ($(($(stat -c %s "$archive") / 1048576)) MB), $runs runs, page cache $([[ $drop == 1 ]] && echo dropped before each || echo kept)"
url=http://127.0.0.1:$port

for run in $(seq 1 "$runs"); do
  if [[ $drop == 1 ]]; then
    sync
    echo 3 >/proc/sys/vm/drop_caches
  fi
  app_start "$app" "$url" "$archive" "$work/app.log" "${extra_env[@]}" -- "${start_command[@]}"
  app_wait "$url/"
  sleep "${COLD_PAUSE:-0}"
  times=()
  for q in "${searches[@]}"; do
    ms=$(curl -fso /dev/null -w '%{time_total}' --get --data-urlencode "q=$q" "$url/search" | awk '{ printf "%.0f", $1 * 1000 }')
    times+=("$ms")
  done
  kill "$app_pid" && wait "$app_pid" 2>/dev/null || true
  app_pid=
  printf 'run %d: %s ms; sum %d ms\n' "$run" "$(IFS=' '; echo "${times[*]}")" "$(IFS=+; echo $((${times[*]})))"
done
log "searches: ${searches[*]}"
