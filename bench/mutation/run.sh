#!/usr/bin/env bash
# Mutation testing of src/Runtime with the scenarios (src/Steps) as the only test project: a mutant survives when
# no scenario turns red. Stryker.NET is a local tool (.config/dotnet-tools.json).
#
#   bench/mutation/run.sh                      every folder of src/Runtime (long: hours on 2 cores)
#   bench/mutation/run.sh CircuitBreaker       one folder (minutes)
#   bench/mutation/run.sh Backoff Crashes      several folders in one run (one build, one initial test run)
#   bench/mutation/run.sh --since              only the files changed since origin/main (minutes)
#   bench/mutation/run.sh 'Supervision/*.cs'   a glob under src/Runtime: here the folder's own files, not its subfolders
#   UNIT_TESTS=1 bench/mutation/run.sh ...     the runtime unit tests (tests/Runtime.Tests) count too
#   UNIT_TESTS=only bench/mutation/run.sh ...  the unit tests alone: minutes, not hours, and a lower bound of the
#                                              score with both (a mutant they kill is killed with both)
#   TEST_FILTER='FullyQualifiedName!~CrashSafety' bench/mutation/run.sh ...
#                                              leave out slow tests that cannot see the folder's mutants (a vstest filter)
#
# Reports: reports/mutation/<when>/reports/mutation-report.html and .json, and mutation-summary.md beside them (the
# score per folder and per file, and every survivor: bench/mutation/summary.cs). A scenario run and a unit run of the
# same commit make the combined score: dotnet run --file bench/mutation/summary.cs -- <scenario report> <unit report>. The scores go to docs/mutation.md
# by hand, with why a surviving mutant is equivalent when it cannot be killed.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
dotnet tool restore >/dev/null

output="$root/reports/mutation/$(date -u +%Y%m%dT%H%M%SZ)"
args=(--project Runtime.csproj --reporter html --reporter json --reporter progress
      --output "$output" --concurrency "${STRYKER_CONCURRENCY:-2}")
case "${UNIT_TESTS:-0}" in
  1) args+=(--test-project ../Steps/Steps.csproj --test-project ../../tests/Runtime.Tests/Runtime.Tests.csproj) ;;
  only) args+=(--test-project ../../tests/Runtime.Tests/Runtime.Tests.csproj) ;;
  *) args+=(--test-project ../Steps/Steps.csproj) ;;
esac
if [ -n "${TEST_FILTER:-}" ]; then
  args+=(--test-case-filter "$TEST_FILTER")
fi
for target in "$@"; do
  case "$target" in
    --since) args+=(--since:"${SINCE:-origin/main}") ;;
    *'*'*) args+=(--mutate "$target") ;;   # a glob under src/Runtime: 'Supervision/*.cs' is the folder's own files
    *) # a folder by its name (Drain) or its path under src/Runtime (Supervision/Drain)
       folder=$(cd src/Runtime && find . -type d -not -path '*/bin*' -not -path '*/obj*' \( -path "./$target" -o -name "$target" \) | head -n 1)
       [ -n "$folder" ] || { echo "no folder $target under src/Runtime" >&2; exit 2; }
       args+=(--mutate "${folder#./}/**/*.cs") ;;
  esac
done

# The scenarios run manager-host.dll, whose runtime is the mutated one, not the native manager (its own compiled copy).
export SPECS_NATIVE_MANAGER=0
cd src/Runtime
dotnet stryker "${args[@]}"
cd "$root"
dotnet run --file bench/mutation/summary.cs -- "$output/reports/mutation-report.json" > "$output/reports/mutation-summary.md"
head -n 20 "$output/reports/mutation-summary.md"
