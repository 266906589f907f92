#!/usr/bin/env bash
# bzip2 decompression speed of SharpZipLib and SharpCompress, and of the bzip2 command as a reference, on the same
# single-stream file (a generated dump recompressed as one stream; bench/Corpus writes random words, not quotations).
#   bench/bzip2-libraries.sh            # generates 5,000 articles once under $BENCH_WORK
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_WORK:-/tmp/quotearchive-bench}
mkdir -p "$work"
single="$work/generated-5000.single.xml.bz2"
[ -f "$single" ] || dotnet run -c Release --project "$repo/bench/Corpus" -- 5000 "$single" --single-stream
dotnet run -c Release "$repo/bench/bzip2-libraries.cs" -- "$single"
start=$(date +%s%N)
bytes=$(bzip2 -dc "$single" | wc -c)
end=$(date +%s%N)
awk -v b="$bytes" -v ns=$((end - start)) 'BEGIN { printf "bzip2 command (reference): %.1f MB in %.2f s, %.1f MB/s\n", b / 1e6, ns / 1e9, b / 1e6 / (ns / 1e9) }'
