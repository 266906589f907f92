#!/usr/bin/env bash
# The reading alone: a dump decompressed and parsed on every core, nothing written (the importer's --check), timed
# with GNU time; importers given as folders are run in turn, ROUNDS times (A B A B …), to compare two commits.
#   bench/parse-dump.sh                                   # this checkout's importer, the full shape import-dump.sh left
#   ROUNDS=4 bench/parse-dump.sh dump.xml.bz2 /tmp/importer-a /tmp/importer-b
#   PARSE_PERF=1 bench/parse-dump.sh dump.xml.bz2 /tmp/importer   # then samples one more run with perf (linux-perf)
#                                                                  # and prints its hottest functions
# Loopback only, no server; generated dumps only (bench/Corpus): never content.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
dump=${1:-${BENCH_WORK:-/tmp/quotearchive-bench}/generated-71000.xml.bz2}
shift || true
[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install -y time" >&2; exit 2; }
importers=("$@")
if [ ${#importers[@]} -eq 0 ]; then
  importers=("${BENCH_WORK:-/tmp/quotearchive-bench}/importer-parse")
  dotnet publish "$repo/src/QuoteArchive.Importer" -c Release -o "${importers[0]}" --nologo -v quiet >/dev/null
fi
echo "dump: $dump ($(stat -L -c %s "$dump" | awk '{ printf "%.1f MB", $1 / 1e6 }')); $(nproc) cores"
for round in $(seq 1 "${ROUNDS:-1}"); do
  for importer in "${importers[@]}"; do
    /usr/bin/time -f '%e %U %S %M' -o /tmp/parse-dump.time dotnet "$importer/QuoteArchive.Importer.dll" --check "$dump" >/dev/null 2>&1 || true
    read -r elapsed user sys kb </tmp/parse-dump.time
    printf 'round %s, %s: %.1f s, %.1f CPU s (user %.1f, system %.1f), peak RSS %.0f MB\n' \
      "$round" "$importer" "$elapsed" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$user" "$sys" "$((kb / 1024))"
  done
done
if [ "${PARSE_PERF:-0}" = 1 ]; then
  command -v perf >/dev/null || { echo "perf is missing: apt-get install -y linux-perf" >&2; exit 2; }
  # The JIT's map names the managed code; without W^X its code is not double-mapped, so perf finds it in the map.
  DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -F 499 -q -o /tmp/parse-dump.perf -- \
    dotnet "${importers[0]}/QuoteArchive.Importer.dll" --check "$dump" >/dev/null 2>&1 || true
  echo "hottest functions of ${importers[0]} (share of all samples):"
  perf report -i /tmp/parse-dump.perf --no-children --sort dso,sym 2>/dev/null | grep -v '^#' | grep -v '^$' | head -25 | cut -c1-160
fi
