#!/usr/bin/env bash
# The reading alone: a dump decompressed and parsed on every core, nothing written (the importer's --check), timed
# with GNU time; importers given as folders are run in turn, ROUNDS times (A B A B …), to compare two commits.
#   bench/parse-dump.sh                                   # this checkout's importer, the full shape import-dump.sh left
#   ROUNDS=4 bench/parse-dump.sh dump.xml.bz2 /tmp/importer-a /tmp/importer-b
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
