#!/usr/bin/env bash
# What the import allocates, by type: imports a generated dump (bench/import-dump.sh's, generated once) under
# dotnet-trace's gc-verbose profile and sums the runtime's allocation samples by type (bench/import-allocations.cs).
#   bench/import-allocations.sh          # 5,000 articles
#   bench/import-allocations.sh 71000    # the full shape (a trace of a few hundred MB)
# Needs dotnet-trace: dotnet tool install --global dotnet-trace
set -euo pipefail
articles=${1:-5000}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_WORK:-/tmp/quotearchive-bench}
trace_tool=$(command -v dotnet-trace || echo "$HOME/.dotnet/tools/dotnet-trace")
[[ -x $trace_tool ]] || { echo "dotnet-trace is missing: dotnet tool install --global dotnet-trace" >&2; exit 2; }
mkdir -p "$work"
source "$repo/bench/corpus.sh"
dump=$(generated_corpus "$articles" "$work")
dotnet publish "$repo/src/QuoteArchive.Importer" -c Release -o "$work/importer" --nologo -v quiet >/dev/null
scratch=$(mktemp -d /tmp/quotearchive-allocations.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
"$trace_tool" collect --profile gc-verbose -o "$scratch/import.nettrace" -- \
  dotnet "$work/importer/QuoteArchive.Importer.dll" "$dump" "$scratch/archive.db" >"$scratch/trace.log" 2>&1 ||
  { tail -20 "$scratch/trace.log" >&2; exit 1; }
dotnet run -c Release "$repo/bench/import-allocations.cs" -- "$scratch/import.nettrace"
