#!/usr/bin/env bash
# The least an import can cost on this machine: the work of its libraries alone, with no parsing at all.
#   bench/import-floor.sh                                  # the full shape that bench/import-dump.sh 71000 left
#   bench/import-floor.sh archive.db dump.xml.bz2
# Times, each by itself on one core (GNU time's user + system CPU seconds): bzip2 decompressing the dump (the bzip2
# command, as fast as SharpZipLib or faster: bench/bzip2-libraries.sh); SQLite writing the archive's rows again into a
# fresh file in rowid order (INSERT … SELECT in the sqlite3 shell, no binding of values one by one) and then its
# indexes; FTS5 indexing the quotes' columns as the importer hands them over, then merging the index. The importer
# does all of this and parses the wikitext besides, on two cores: the sum of these CPU seconds over two is the floor
# of its time. Loopback only: no server. Generated archives only (bench/Corpus): never content.
set -euo pipefail
archive=${1:-/tmp/quotearchive-bench/archive-71000.db}
dump=${2:-/tmp/quotearchive-bench/generated-71000.xml.bz2}
work=${BENCH_WORK:-/tmp/quotearchive-floor}
[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install -y time" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: apt-get install -y sqlite3" >&2; exit 2; }
mkdir -p "$work"
rm -f "$work"/rows.db "$work"/fts.db "$work"/content.db
pragmas="PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;"

# Prints "label: CPU seconds (elapsed)" for a command and adds the CPU seconds to the total.
total=0
timed() {
  local label=$1; shift
  /usr/bin/time -f '%e %U %S' -o "$work/time.txt" "$@" >/dev/null
  read -r elapsed user sys <"$work/time.txt"
  local cpu; cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
  total=$(awk -v t="$total" -v c="$cpu" 'BEGIN { printf "%.1f", t + c }')
  printf '%-58s %7.1f CPU s (%.1f s)\n' "$label" "$cpu" "$elapsed"
}

quotes=$(sqlite3 "$archive" "SELECT count(*) FROM Quotes")
echo "archive: $archive, $quotes quotes; dump: $dump, $(stat -L -c %s "$dump" | awk '{ printf "%.1f MB", $1 / 1e6 }')"

timed "bzip2 -dc of the dump" bzip2 -dc "$dump"

# The archive's own tables (not the search index's), created as the importer creates them, rows first, indexes after.
tables=$(sqlite3 "$archive" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'
  AND name NOT LIKE 'QuotesFts%' AND name NOT LIKE 'NamesFts%' AND name <> 'SearchTerms' ORDER BY name")
{
  echo "$pragmas"
  sqlite3 "$archive" "SELECT sql || ';' FROM sqlite_master WHERE type = 'table' AND name IN ($(printf "'%s'," $tables | sed 's/,$//'))"
  echo "ATTACH '$archive' AS old; BEGIN;"
  for table in $tables; do echo "INSERT INTO main.\"$table\" SELECT * FROM old.\"$table\" ORDER BY rowid;"; done
  echo "COMMIT;"
} >"$work/rows.sql"
{
  echo "$pragmas"
  sqlite3 "$archive" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
    AND tbl_name IN ($(printf "'%s'," $tables | sed 's/,$//'))"
} >"$work/indexes.sql"
timed "SQLite: the rows of $(wc -w <<<"$tables") tables, in rowid order" sqlite3 "$work/rows.db" ".read $work/rows.sql"
timed "SQLite: their indexes" sqlite3 "$work/rows.db" ".read $work/indexes.sql"

# What the importer hands the search index for each quote (QuotesFtsContent's columns), laid out beforehand, untimed.
sqlite3 "$work/content.db" "$pragmas ATTACH '$archive' AS old;
  CREATE TABLE content AS SELECT QuoteRowId, text, attribution, author, title FROM old.QuotesFtsContent ORDER BY QuoteRowId;" >/dev/null
schema=$(sqlite3 "$archive" "SELECT sql FROM sqlite_master WHERE name = 'QuotesFts'")
timed "FTS5: indexing the quotes (as the importer's own thread)" sqlite3 "$work/fts.db" "$pragmas $schema;
  INSERT INTO QuotesFts(QuotesFts, rank) VALUES('automerge', 0); INSERT INTO QuotesFts(QuotesFts, rank) VALUES('crisismerge', 200);
  ATTACH '$work/content.db' AS c; BEGIN;
  INSERT INTO QuotesFts(rowid, text, attribution, author, title) SELECT * FROM c.content; COMMIT;"
timed "FTS5: merging the index into one segment (optimize)" sqlite3 "$work/fts.db" "$pragmas
  INSERT INTO QuotesFts(QuotesFts) VALUES('optimize');"

awk -v t="$total" -v q="$quotes" 'BEGIN {
  printf "libraries alone: %.1f CPU s, %.0f quotes a CPU second; on two cores at best %.1f s, %.0f quotes/s\n", t, q / t, t / 2, q / (t / 2) }'
rm -f "$work"/rows.db "$work"/fts.db "$work"/content.db
