# The generated corpora (bench/Corpus: random words, not quotations), made once and kept in a folder; sourced by the
# benchmarks, not run. A corpus is made again when bench/Corpus has changed since: a stamp beside it holds the
# checksum of the generator's sources.
#
# generated_corpus COUNT FOLDER [dump|txt|wiki]
#   Prints the path of COUNT generated articles in FOLDER: a bzip2 multistream dump (generated-COUNT.xml.bz2, the
#   default), or a folder of COUNT topic files as page text (generated-COUNT-txt) or as wikitext (generated-COUNT-wiki).
#   The generator's own line (counts and size) goes to stderr.

generated_corpus() {
  local count=$1 folder=$2 format=${3:-dump} corpus_repo stamp output partial
  corpus_repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  stamp=$(cat "$corpus_repo"/bench/Corpus/*.cs "$corpus_repo"/bench/Corpus/*.csproj | md5sum | cut -d' ' -f1)
  case $format in
    dump) output=$folder/generated-$count.xml.bz2 ;;
    txt | wiki) output=$folder/generated-$count-$format ;;
    *) echo "generated_corpus: no format $format (dump, txt or wiki)" >&2; return 2 ;;
  esac
  if [[ ! -e $output || $(cat "$output.source" 2>/dev/null) != "$stamp" ]]; then
    mkdir -p "$folder"
    rm -rf "$output" "$output.source"
    # Written under another name and moved into place when whole: an interrupted run leaves no corpus half made.
    partial=$folder/.partial-$$-${output##*/}
    rm -rf "$partial"
    local flags=()
    [[ $format == wiki ]] && flags=(--wikitext)
    dotnet run -c Release --project "$corpus_repo/bench/Corpus" -- "$count" "$partial" "${flags[@]}" >&2 || return 1
    mv "$partial" "$output"
    echo "$stamp" >"$output.source"
  fi
  echo "$output"
}
