#!/usr/bin/env bash
# Cache misses of one large topic page: how long the app takes to render /wiki/Love (1,391 quotes, about 1.1 MB of
# HTML) when the output cache does not hold it yet, once per encoding (each encoding is an entry of its own).
#   bench/topic-miss.sh                  # content/ imported, Love; 3 fresh starts, every figure printed
#   bench/topic-miss.sh archive.db Love  # any archive and topic
#   MISS_ENCODINGS="br gzip identity"    # the misses in another order (the first miss of a run is the slowest)
#   MISS_APP=folder                      # an app published already (bench/publish-web.sh) instead of publishing one
#   MISS_SETTINGS="DOTNET_TC_QuickJit=0" # NAME=value settings the app starts with (runtime knobs, configuration)
# The app is published as the Dockerfile does (bench/publish-web.sh; Production), listens on 127.0.0.1 only, and first
# renders the other topics of content/ in every encoding, so the code's tiered compilation has seen the page.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/bench/app.sh"
work=$(mktemp -d /tmp/quotearchive-miss.XXXXXX)
port=${MISS_PORT:-5097}
topic=${2:-Love}
runs=${MISS_RUNS:-3}
encodings=${MISS_ENCODINGS:-identity gzip br}
app_pid=
trap '[[ -z $app_pid ]] || kill "$app_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
app=${MISS_APP:-$work/app}
[[ -n ${MISS_APP:-} ]] || "$repo/bench/publish-web.sh" "$app"
read -ra settings <<<"${MISS_SETTINGS:-}"
if [[ -n ${1:-} ]]; then
  archive=$(realpath "$1")
else
  archive=$work/archive.db
  dotnet publish "$repo/src/QuoteArchive.Importer" -c Release -o "$work/importer" --nologo -v quiet >/dev/null
  content_archive "$work/importer" "$archive"
fi
url=http://127.0.0.1:$port
warm=(Friedrich_Nietzsche China%E2%80%93Russia_relations The_Half_of_It Warmness Assamese_proverbs Cecilia_Eusepi)
seconds() { curl -so /dev/null -w '%{http_code} %{time_total}\n' -H "Accept-Encoding: $2" "$url$1"; }
for run in $(seq "$runs"); do
  : >"$work/app.log"
  app_start "$app" "$url" "$archive" "$work/app.log" "${settings[@]}"
  app_wait "$url/"
  for round in 1 2 3 4; do
    for page in "${warm[@]}"; do
      for encoding in identity gzip br; do
        seconds "/wiki/$page" "$encoding" >/dev/null
        seconds "/api/topics/$page" "$encoding" >/dev/null
      done
    done
  done
  for encoding in $encodings; do
    read -r status time < <(seconds "/wiki/$topic" "$encoding")
    [[ $status == 200 ]] || { echo "/wiki/$topic answered $status" >&2; exit 1; }
    read -r _ cached < <(seconds "/wiki/$topic" "$encoding")
    awk -v r="$run" -v e="$encoding" -v t="$time" -v c="$cached" -v p="$topic" \
      'BEGIN { printf "run %d: /wiki/%s %-8s miss %6.1f ms, then from the cache %5.1f ms\n", r, p, e, t * 1000, c * 1000 }'
  done
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
  app_pid=
done
