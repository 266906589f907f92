#!/usr/bin/env bash
# What the quotes' search index would weigh without its word positions: on a copy of an archive, builds QuotesFts as
# the archive defines it (columns, tokenizer, external content) with FTS5's detail=full (as it is), column (no
# positions) and none (no columns either), each in one pass and merged, and prints its bytes a quote, the archive's
# bytes a quote with it in place of the one it has, the CPU seconds of the build (GNU time), and whether a phrase
# ("…" of two words) and a column filter can still be searched.
#   bench/index-detail.sh                                  # the medium shape that bench/import-dump.sh 5000 left
#   bench/index-detail.sh /tmp/quotearchive-bench/archive-71000.db
# Needs sqlite3 (with dbstat, as Debian's is) and GNU time. Generated archives only (bench/Corpus): never content.
set -euo pipefail
archive=$(realpath "${1:-/tmp/quotearchive-bench/archive-5000.db}")
[[ -f $archive ]] || { echo "no archive at $archive (bench/import-dump.sh 5000 builds it)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install -y time" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: apt-get install -y sqlite3" >&2; exit 2; }
work=$(mktemp -d /tmp/quotearchive-index-detail.XXXXXX)
trap 'rm -rf "$work"' EXIT
db=$work/archive.db
cp "$archive" "$db"
query() { sqlite3 -batch -noheader "$db" "$1"; }
quotes=$(query "SELECT count(*) FROM Quotes")
definition=$(query "SELECT sql FROM sqlite_master WHERE name = 'QuotesFts'")
index_bytes() { query "SELECT sum(pgsize) FROM dbstat WHERE name GLOB '$1_*'"; }
total=$(stat -c %s "$archive")
current=$(index_bytes QuotesFts)
# A phrase of the archive's two commonest words, which any generated archive has.
phrase=$(query "SELECT group_concat(Term, ' ') FROM (SELECT Term FROM SearchTerms ORDER BY Quotes DESC LIMIT 2)")
echo "index-detail: $archive, $quotes quotes, $((total / quotes)) bytes a quote; QuotesFts $((current / quotes)) of them"
for detail in full column none; do
  table=Index_$detail
  sql=${definition/CREATE VIRTUAL TABLE QuotesFts/CREATE VIRTUAL TABLE $table}
  sql="${sql%)*}, detail=$detail)"
  /usr/bin/time -f '%U %S' -o "$work/time.txt" sqlite3 "$db" "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; $sql;
    INSERT INTO $table($table) VALUES('rebuild'); INSERT INTO $table($table) VALUES('optimize');" >/dev/null
  cpu=$(awk '{ printf "%.1f", $1 + $2 }' "$work/time.txt")
  bytes=$(index_bytes "$table")
  searches() { query "SELECT count(*) FROM $table WHERE $table MATCH '$1'" 2>&1 | sed 's/^Error: .*: //; s/^Parse error: //' | head -1; }
  echo "  detail=$detail: $((bytes / quotes)) bytes a quote, the archive $(((total - current + bytes) / quotes)) with it;" \
    "built in $cpu CPU s; phrase \"$phrase\": $(searches "\"$phrase\""); column filter author:${phrase%% *}: $(searches "author:${phrase%% *}")"
  query "DROP TABLE $table"
done
