#!/usr/bin/env bash
# Import benchmark on a generated corpus (bench/Corpus: synthetic text, not quotations): a dump, or topic files.
#   bench/import-dump.sh 5000            # 5,000 articles (and as many redirects), multistream .xml.bz2
#   bench/import-dump.sh 71000           # the English Wikiquote dump's shape (some 2.7 million quotes)
#   bench/import-dump.sh 71000 txt       # the same topics as 71,000 page-text files (wiki: as wikitext files)
# Prints pages/s, quotes/s, MB/s of input, peak RSS, archive bytes per quote, the time of each stage and the
# CPU time of each kind of thread. Loopback only: no server. The import is stopped after IMPORT_TIMEOUT (15m).
#   IMPORT_PERF=1 bench/import-dump.sh 71000   # also samples the import with perf (linux-perf) and splits its CPU time
#                                              # by thread and by library: bzip2, FTS5 and SQLite, the parser, the GC
#   IMPORT_APP=folder bench/import-dump.sh 71000 # an importer published already (another commit's) instead of this one
# The archive is kept as $BENCH_WORK/archive-71000.db (archive-71000-txt.db for files) for the other benchmarks.
set -euo pipefail
articles=${1:-5000}
format=${2:-dump}
repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/bench/corpus.sh"
work=${BENCH_WORK:-/tmp/quotearchive-bench}
mkdir -p "$work"
corpus=$(generated_corpus "$articles" "$work" "$format")
archive_name=$articles
[[ $format == dump ]] || archive_name=$articles-$format
[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install -y time" >&2; exit 2; }
importer_dir=${IMPORT_APP:-$work/importer}
[[ -n ${IMPORT_APP:-} ]] || dotnet publish "$repo/src/QuoteArchive.Importer" -c Release -o "$importer_dir" --nologo -v quiet >/dev/null
rm -f "$work/archive-$archive_name.db"
profiler=()
if [ "${IMPORT_PERF:-0}" = 1 ]; then
  command -v perf >/dev/null || { echo "perf is missing: apt-get install -y linux-perf" >&2; exit 2; }
  # The JIT's map names the managed code; without W^X its code is not double-mapped, so perf finds it in the map.
  export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
  profiler=(perf record -F 499 -q -o "$work/perf.data" --)
fi
QUOTEARCHIVE_GC_REPORT=1 timeout "${IMPORT_TIMEOUT:-15m}" /usr/bin/time -f '%e %M %U %S' -o "$work/time.txt" "${profiler[@]}" dotnet "$importer_dir/QuoteArchive.Importer.dll" "$corpus" "$work/archive-$archive_name.db" \
  >"$work/summary.txt" 2>"$work/stderr.txt" &
timed=$!
# The CPU time of each of the importer's threads (utime + stime in /proc), sampled every second until it ends: a
# thread's time is gone from /proc once it exits, so the last sample of each thread counts.
: >"$work/threads.txt"
while kill -0 "$timed" 2>/dev/null; do
  importer=$(pgrep -f "^dotnet $importer_dir/QuoteArchive.Importer.dll" | head -1 || true)
  for task in /proc/$importer/task/*; do
    { read -r stat <"$task/stat" && read -r name <"$task/comm"; } 2>/dev/null || continue
    set -- ${stat##*) }
    echo "${task##*/}|$name|$((${12} + ${13}))"
  done >>"$work/threads.txt"
  sleep 1
done
status=0
wait "$timed" || status=$?
if ((status == 124)); then
  echo "the import did not end within IMPORT_TIMEOUT (${IMPORT_TIMEOUT:-15m}):" >&2; tail -5 "$work/stderr.txt" >&2; exit 1
elif ((status != 0)); then
  echo "the import failed (exit status $status):" >&2; tail -5 "$work/stderr.txt" >&2; exit 1
fi
read -r seconds peak_kb user_s sys_s <"$work/time.txt"
summary=$(tail -1 "$work/summary.txt")
quotes=$(sed -E 's/.* ([0-9]+) quotes;.*/\1/' <<<"$summary")
topics=$(sed -E 's/imported ([0-9]+) topics.*/\1/' <<<"$summary")
mb=$(awk -v b="$(du -sbL "$corpus" | cut -f1)" 'BEGIN { printf "%.1f", b / 1e6 }')
input="bz2"
[[ $format == dump ]] || input="$(find "$corpus" -type f | wc -l) files"
archive=$(stat -c %s "$work/archive-$archive_name.db")
echo "$summary"
awk -v s="$seconds" -v t="$topics" -v q="$quotes" -v mb="$mb" -v kb="$peak_kb" -v a="$archive" -v input="$input" 'BEGIN {
  printf "import of %s MB (%s): %.1f s, %.0f pages/s, %.0f quotes/s, %.1f MB/s, peak RSS %.0f MB, archive %.0f MB, %.0f bytes/quote\n",
    mb, input, s, t / s, q / s, mb / s, kb / 1024, a / 1e6, a / q }'
# Where the time went: the reading (parsing on every core while one thread writes), then each step after it, as the
# importer's stage lines on stderr say; and the CPU time, which says how many cores the import kept busy.
awk -v total="$seconds" -v user="$user_s" -v sys="$sys_s" '
  /^progress: [a-z]/ { match($0, /read in [0-9.,]+ s/); at = substr($0, RSTART + 8, RLENGTH - 10); gsub(",", "", at)
    name = $0; sub(/^progress: /, "", name); sub(/ \(.*/, "", name); names[++n] = name; starts[n] = at }
  END { printf "stages: reading %.1f s", starts[1]
        for (i = 1; i <= n; i++) printf "; %s %.1f s", names[i], (i < n ? starts[i + 1] : total) - starts[i]
        printf "\ncpu: %.1f s user + %.1f s system in %.1f s: %.2f cores busy on average\n", user, sys, total, (user + sys) / total }' "$work/stderr.txt"
# Which threads the CPU time went to: the writer (the main thread, which also runs the steps after the reading), the
# search index's own thread, the thread pool (bzip2, the XML and the parsing) and the garbage collector.
awk -F'|' -v tck="$(getconf CLK_TCK)" '{ last[$1] = $3; name[$1] = $2 }
  END { for (t in last) { n = name[t]; kind = n == "dotnet" ? "writer" : n ~ /Long Runni/ ? "search index" : n ~ /TP Worker/ ? "pool" : n ~ /GC/ ? "gc" : "other"
                          s[kind] += last[t] / tck }
        printf "threads (cpu s): writer %.1f; search index %.1f; pool (bzip2, xml, parsing) %.1f; gc %.1f; other %.1f\n",
          s["writer"], s["search index"], s["pool"], s["gc"], s["other"] }' "$work/threads.txt"
# The garbage collector's share: its pauses stop every core (the importer prints this line when asked).
grep '^gc: ' "$work/stderr.txt" || true
# What the archive holds, largest first (SQLite's dbstat).
if command -v sqlite3 >/dev/null; then
  echo "largest tables and indexes (bytes per quote):"
  sqlite3 "$work/archive-$archive_name.db" "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 8" |
    awk -F'|' -v q="$quotes" '{ printf "  %-40s %7.1f MB %5.0f\n", $1, $2 / 1e6, $2 / q }'
fi
# Where the CPU time went by thread and by library, from the perf samples: the thread pool (bzip2, the XML reader, the
# wikitext parser), the search index's thread (FTS5), the writer (SQLite's inserts, then the steps after the reading).
if [ "${IMPORT_PERF:-0}" = 1 ]; then
  perf report -i "$work/perf.data" --no-children --sort comm,dso,sym 2>/dev/null | grep -v '^#' | awk -v cpu="$(awk -v u="$user_s" -v s="$sys_s" 'BEGIN { print u + s }')" '
    NF == 0 { next }
    { pct = $1 + 0; at = pct * cpu / 100
      kind = /TP Worker/ ? "pool" : /Long Runni/ ? "search index" : /Server GC/ ? "gc" : /^ *[0-9.]+% +dotnet / ? "writer" : "other"
      what = /SharpZipLib/ ? "bzip2 (SharpZipLib)" : /libe_sqlite3/ ? "SQLite and FTS5" : /QuoteArchive\./ ? "QuoteArchive code" \
        : /System\.(Private\.)?Xml/ ? "the XML reader" : /\[k\]/ ? "the kernel" : /libc\.so/ ? "libc" : /libcoreclr|libclrjit/ ? "the runtime" \
        : /\[JIT\]|System\./ ? ".NET libraries" : "the rest"
      total[kind] += at; part[kind, what] += at }
    END { n = split("pool|search index|writer|gc|other", kinds, "|")
          printf "perf (cpu s):"
          for (i = 1; i <= n; i++) { k = kinds[i]; if (total[k] < 0.05) continue
            printf "\n  %s %.1f:", k, total[k]; sep = " "
            m = split("bzip2 (SharpZipLib)|SQLite and FTS5|QuoteArchive code|the XML reader|.NET libraries|the runtime|libc|the kernel|the rest", order, "|")
            for (j = 1; j <= m; j++) { w = order[j]; if (part[k, w] >= 0.5) { printf "%s%s %.1f", sep, w, part[k, w]; sep = "; " } } }
          printf "\n" }'
fi
