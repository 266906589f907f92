#!/usr/bin/env bash
# Cache misses of one large topic page in a warm process: the app is started once and asked for the topic again and
# again, each time under a new Host header (the output cache keys on the host, so every request is a miss), until the
# tiered JIT has optimised the page's code; then five misses per encoding are timed. With MISS_PERF=1, `perf record`
# samples MISS_PERF_REQUESTS more misses and the top of its report is printed.
#   bench/topic-miss-warm.sh                    # content/ imported, Love, 150 warm-up misses per encoding
#   bench/topic-miss-warm.sh archive.db Love    # any archive and topic
#   MISS_WARM=60 MISS_PERF=1 bench/topic-miss-warm.sh
# The app is published framework-dependent (Release), so that perf can name the JIT's code, and listens on 127.0.0.1 only.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/bench/app.sh"
work=$(mktemp -d /tmp/quotearchive-miss-warm.XXXXXX)
port=${MISS_PORT:-5098}
topic=${2:-Love}
warm=${MISS_WARM:-150}
app_pid=
trap '[[ -z $app_pid ]] || kill "$app_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet publish "$repo/src/QuoteArchive.Web" -c Release -o "$work/app" --nologo -v quiet >/dev/null
if [[ -n ${1:-} ]]; then
  archive=$(realpath "$1")
else
  archive=$work/archive.db
  dotnet publish "$repo/src/QuoteArchive.Importer" -c Release -o "$work/importer" --nologo -v quiet >/dev/null
  content_archive "$work/importer" "$archive"
fi
url=http://127.0.0.1:$port
# Perf reads the symbols of JIT-compiled code from the map the runtime writes; W^X double mapping would hide them.
app_start "$work/app" "$url" "$archive" "$work/app.log" DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 \
  -- dotnet QuoteArchive.Web.dll
app_wait "$url/"
miss() { curl -so /dev/null -w '%{http_code} %{time_total}\n' -H "Host: $1" -H "Accept-Encoding: $2" "$url/wiki/$topic"; }
for i in $(seq "$warm"); do
  for encoding in identity gzip br; do miss "warm-$i" "$encoding" >/dev/null; done
done
for encoding in identity gzip br; do
  for i in 1 2 3 4 5; do
    read -r status time < <(miss "timed-$i" "$encoding")
    [[ $status == 200 ]] || { echo "/wiki/$topic answered $status" >&2; exit 1; }
    awk -v e="$encoding" -v t="$time" -v p="$topic" -v w="$warm" \
      'BEGIN { printf "after %d misses per encoding: /wiki/%s %-8s miss %6.1f ms\n", w, p, e, t * 1000 }'
  done
done
if [[ ${MISS_PERF:-0} == 1 ]]; then
  perf record -F 999 -g -p "$app_pid" -o "$work/perf.data" 2>/dev/null &
  perf=$!
  sleep 1
  for i in $(seq "${MISS_PERF_REQUESTS:-40}"); do
    for encoding in identity br; do miss "perf-$i" "$encoding" >/dev/null; done
  done
  kill -INT "$perf"; wait "$perf" || true
  perf report -i "$work/perf.data" --no-children --sort comm,dso --stdio -g none 2>/dev/null | grep '%' | head -12
  perf report -i "$work/perf.data" --no-children --sort sym --stdio -g none 2>/dev/null | grep '%' | head -25 | cut -c1-160
fi
