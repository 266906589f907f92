#!/usr/bin/env bash
# The importer's property tests over many more generated files than the test suite runs (1,000):
# page text, Markdown and wikitext, valid, mutated and random bytes; each must import with bounded work and lose
# no line, and quote ids must not depend on order. Prints the test run's summary and the time it took.
#   bench/fuzz-importer.sh            100,000 cases from the suite's seed
#   CASES=20000 SEED=7 bench/fuzz-importer.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cases="${CASES:-100000}"
seed="${SEED:-20261127}"
dotnet build tests/QuoteArchive.Importer.Tests -c Release -v quiet -nologo >/dev/null
start=$(date +%s)
QUOTEARCHIVE_FUZZ_CASES="$cases" QUOTEARCHIVE_FUZZ_SEED="$seed" dotnet test tests/QuoteArchive.Importer.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~ImporterPropertyTests.EveryGeneratedFileImportsWithBoundedWorkAndLosesNoLine|FullyQualifiedName~ImporterPropertyTests.QuoteIdsDoNotDependOnTheOrderOfSectionsAndQuotes" \
  --logger "console;verbosity=normal" | grep -E "^\s+(Passed|Failed) |case [0-9]+ of seed|Total tests|Passed!|Failed!"
echo "cases per property: $cases, seed: $seed, elapsed: $(( $(date +%s) - start )) s"
