#!/usr/bin/env bash
# The benchmark suite in one command: the import of a generated corpus as a dump and as page-text files, search
# latency, and the serving benchmark (nginx and kiwix-serve in the same run, start-up and RSS); then one table of the
# headline figures against issue 11's targets, with the machine it ran on. Every step is bounded in time and every
# server listens on 127.0.0.1 only. The corpus is generated text, not quotations.
#   bench/run.sh            medium: 5,000 generated articles (about 20 minutes)
#   bench/run.sh full       71,000 articles, the English Wikiquote dump's shape (on a quiet machine: about 25 minutes)
#   bench/run.sh small      100 articles
#   bench/run.sh --quick    small, the serving benchmark's quick mode: checks that every step runs and every figure is
#                           produced, never that one is fast (CI runs it; a few minutes)
# Each step's own output is kept in BENCH_WORK (/tmp/quotearchive-bench), the table in run-SIZE[-quick]-TIME.md there.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/bench/corpus.sh"
corpus_size_arguments bench/run.sh "$@"
export BENCH_WORK=${BENCH_WORK:-/tmp/quotearchive-bench}
mkdir -p "$BENCH_WORK"
work=$(mktemp -d /tmp/quotearchive-run.XXXXXX)
step_job=
trap 'rm -rf "$work"' EXIT
# A step runs under timeout, in a process group of its own that Ctrl-C does not reach: stopped by hand (timeout passes
# the signal on to the step, whose scripts stop their servers), then the script ends.
trap '[[ -z $step_job ]] || pkill -TERM -P "$step_job" 2>/dev/null; exit 130' INT TERM
started=$(date -u '+%Y-%m-%d %H:%M UTC')
failed=()

log() { echo "run: [${SECONDS} s] $*" >&2; }

# step NAME MINUTES COMMAND…: runs a benchmark, its output shown and kept as NAME.txt; a step that fails or runs out
# of time is reported and the next one runs.
step() {
  local name=$1 minutes=$2
  shift 2
  log "$name: $*"
  { timeout -k 30s "${minutes}m" "$@" 2>&1 | tee "$work/$name.txt"; } &
  step_job=$!
  if ! wait "$step_job"; then
    failed+=("$name")
    log "$name failed or ran out of its $minutes minutes"
  fi
  step_job=
  cp "$work/$name.txt" "$BENCH_WORK/run-$name.txt"
}

# figure NAME PATTERN: the first line of a step's output that matches, or "missing".
figure() { grep -m1 -E "$2" "$work/$1.txt" 2>/dev/null || echo "missing"; }

log "publishing the web app as the Dockerfile does, and the importer (Release)"
"$repo/bench/publish-web.sh" "$work/app"
dotnet publish "$repo/src/QuoteArchive.Importer" -c Release -o "$work/importer" --nologo -v quiet >/dev/null
export IMPORT_APP=$work/importer SEARCH_APP=$work/app SERVE_APP=$work/app SERVE_IMPORTER=$work/importer

long=$([[ $size == full ]] && echo 3 || echo 1)
# The steps' own deadlines end before the step's: a timeout started inside another is out of its reach.
export IMPORT_TIMEOUT=$((12 * long))m SEARCH_TIMEOUT=$((15 * long))m
step import-dump $((15 * long)) "$repo/bench/import-dump.sh" "$articles"
step import-files $((15 * long)) "$repo/bench/import-dump.sh" "$articles" txt
step search $((20 * long)) "$repo/bench/search-latency.sh" "$BENCH_WORK/archive-$articles.db"
serve_args=("$size")
[[ $quick == 1 ]] && serve_args=(--quick)
step serve $((40 * long)) "$repo/bench/serve.sh" "${serve_args[@]}"

# The serving benchmark's own headline lines (its report, under the table) and its redirects against the cached topic.
redirects=$(grep -E '^- (301|404).*× the small topic page' "$work/serve.txt" 2>/dev/null |
  sed -E 's/^- //; s/ the small topic page \(([0-9]+) against ([0-9]+) req\/s.*/ (\1 req\/s)/' | paste -sd ';' - | sed 's/;/; /g' || true)
[[ -z $redirects ]] || redirects="$redirects, against the cached small topic page"

report=$BENCH_WORK/run-$size$([[ $quick == 1 ]] && echo -quick)-$(date -u +%Y%m%dT%H%M%SZ).md
{
  echo "## bench/run.sh $size$([[ $quick == 1 ]] && echo ' --quick'), $started"
  echo
  echo "Machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo);" \
    "$(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r); .NET $(dotnet --version); $(nginx -v 2>&1 | sed 's|.*: ||');" \
    "kiwix-serve $(kiwix-serve --version 2>&1 | grep -m1 -oE '[0-9]+\.[0-9]+\.[0-9]+' || echo '?'); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2);" \
    "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end. Corpus: $articles generated articles (not quotations)."
  echo
  echo "| figure | measured | issue 11's target (full shape) |"
  echo "| --- | --- | --- |"
  echo "| import of the dump | $(figure import-dump '^import of' | sed 's/^import of //') | under 30 s, peak RSS under 1 GB, under 700 bytes a quote |"
  echo "| import of page-text files | $(figure import-files '^import of' | sed 's/^import of //') | peak RSS flat in the number of files |"
  echo "| search in-process | $(figure search '^in-process:' | sed 's/^in-process: //; s/ (target.*//') | p95 under 20 ms |"
  echo "| search over HTTP | $(figure search '^over HTTP: +p50' | sed 's/^over HTTP: *//; s/ (target.*//') | p99 under 50 ms |"
  echo "| cached pages, uncompressed | $(figure serve '^- cached pages, identity' | sed 's/^- cached pages, identity, //') | 0.9× nginx, 4× kiwix-serve, p99 under 10 ms |"
  echo "| cached pages, br, gzip | $(figure serve '^- cached pages, br,gzip' | sed 's/^- cached pages, br,gzip, //') | the same |"
  echo "| cache-miss walk | $(figure serve '^- cache-miss walk' | sed 's/^- cache-miss walk: //') | 0.3× nginx, p99 under 50 ms |"
  echo "| redirects and 404s | ${redirects:-missing} | 0.5× the cached topic page |"
  echo "| start-up | $(figure serve '^- start-up' | sed 's/^- start-up (process start to first 200 of \/): //') | first 200 under 1 s |"
  echo "| app RSS | $(figure serve '^- app RSS' | sed 's/^- app RSS: //') | under 400 MB under load |"
  echo
  echo "Each step's whole output: $BENCH_WORK/run-{import-dump,import-files,search,serve}.txt."
  ((${#failed[@]} == 0)) || echo "Failed or out of time: ${failed[*]}."
} | tee "$report"
log "table kept in $report"

# The quick mode's check (and any run's): every step ran and every figure is there.
if ((${#failed[@]})) || grep -q 'missing |' "$report"; then
  log "a step failed or a figure is missing"
  exit 1
fi
