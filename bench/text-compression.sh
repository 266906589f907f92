#!/usr/bin/env bash
# The archive with its texts compressed one row at a time (bench/text-compression.cs says how): on a copy of an
# archive, the texts' bytes a quote as they are and compressed three ways, then the copy rewritten with the smallest
# (or with the one named) and vacuumed.
#   bench/text-compression.sh                                  # the medium shape that bench/import-dump.sh 5000 left
#   bench/text-compression.sh /tmp/quotearchive-bench/archive-71000.db
#   bench/text-compression.sh /tmp/quotearchive-bench/archive-5000.db deflate  # every column by deflate alone
# Generated archives only (bench/Corpus): never content.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
archive=$(realpath "${1:-/tmp/quotearchive-bench/archive-5000.db}")
[[ -f $archive ]] || { echo "no archive at $archive (bench/import-dump.sh 5000 builds it)" >&2; exit 1; }
work=$(mktemp -d /tmp/quotearchive-text-compression.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp "$archive" "$work/archive.db"
SQLITE_TMPDIR=$work dotnet run -c Release "$repo/bench/text-compression.cs" -- "$work/archive.db" "${@:2}"
