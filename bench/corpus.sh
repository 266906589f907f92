# The generated corpora (bench/Corpus: random words, not quotations), made once and kept in a folder; sourced by the
# benchmarks, not run. A corpus is made again when bench/Corpus has changed since: a stamp beside it holds the
# checksum of the generator's sources and the build's settings. A run that makes a corpus holds a lock on the folder
# meanwhile; a run of another version of the generator over the same folder makes it again (use BENCH_WORK apart).
#
# corpus_articles small|medium|full
#   The number of articles of each size the benchmarks name: 100, 5,000, and 71,000 (the English Wikiquote dump's).
# corpus_size_arguments SCRIPT [small|medium|full] [--quick]
#   Reads a benchmark's arguments: sets size (medium unless one is named; small with --quick), quick (1 with --quick,
#   else as it was) and articles (corpus_articles of the size); on any other argument prints SCRIPT's usage, exits 2.
# generated_corpus COUNT FOLDER [dump|txt|wiki]
#   Prints the path of COUNT generated articles in FOLDER: a bzip2 multistream dump (generated-COUNT.xml.bz2, the
#   default), or a folder of COUNT topic files as page text (generated-COUNT-txt) or as wikitext (generated-COUNT-wiki).
#   The generator's own line (counts and size) goes to stderr.

corpus_articles() {
  case $1 in small) echo 100 ;; medium) echo 5000 ;; full) echo 71000 ;; *) return 2 ;; esac
}

corpus_size_arguments() {
  local script=$1 arg
  shift
  size=medium quick=${quick:-0}
  for arg in "$@"; do
    case $arg in
      --quick) quick=1 ;;
      small | medium | full) size=$arg ;;
      *) echo "usage: $script [small|medium|full] [--quick]" >&2; exit 2 ;;
    esac
  done
  [[ $quick == 1 ]] && size=small
  articles=$(corpus_articles "$size")
}

generated_corpus() {
  local count=$1 folder=$2 format=${3:-dump} corpus_repo stamp output partial flags=()
  corpus_repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  stamp=$(cat "$corpus_repo"/bench/Corpus/*.cs "$corpus_repo"/bench/Corpus/*.csproj "$corpus_repo"/Directory.*.props |
    md5sum | cut -d' ' -f1)
  case $format in
    dump) output=$folder/generated-$count.xml.bz2 ;;
    txt) output=$folder/generated-$count-txt ;;
    wiki) output=$folder/generated-$count-wiki flags=(--wikitext) ;;
    *) echo "generated_corpus: no format $format (dump, txt or wiki)" >&2; return 2 ;;
  esac
  mkdir -p "$folder" || return 1
  # One run at a time makes a corpus (runs may share the folder); another waits, then finds it made.
  (
    flock 9 || exit 1
    [[ -e $output && $(cat "$output.source" 2>/dev/null) == "$stamp" ]] && exit 0
    rm -rf "$output" "$output.source" "$folder"/.partial-*-"${output##*/}"
    # Written under another name and moved into place when whole: an interrupted run leaves no corpus half made.
    partial=$folder/.partial-$$-${output##*/}
    dotnet run -c Release --project "$corpus_repo/bench/Corpus" -- "$count" "$partial" "${flags[@]}" >&2 &&
      mv -T "$partial" "$output" && echo "$stamp" >"$output.source" || { rm -rf "$partial"; exit 1; }
  ) 9>"$folder/.generated.lock" || return 1
  echo "$output"
}
