#!/usr/bin/env bash
# Measures the wall time of the specifications (issue 25, point 7): RUNS runs of `./specs --no-build` as the README
# runs it (features side by side, their scenarios side by side), then one run with every scenario alone (xUnit's
# parallelization off), which shows what each scenario costs without sharing the two cores. Per run: the run's wall time
# from its messages, the wall and CPU time (user + sys, every process below it) of the whole command, and the
# scenarios outside @load over 1 s (bench/spec-suite/timings.cs). The reports go to a scratch folder: reports/ and its
# history stay as they were. Results: docs/performance.md, "Spec suite wall time".
# Usage: bench/spec-suite/run.sh [runs]   (default 3; run nothing else meanwhile)
set -euo pipefail
RUNS=${1:-3}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

dotnet build src/Steps -v:q -nologo >/dev/null
dotnet build bench/spec-suite/timings.cs -v:q -nologo >/dev/null 2>&1 || true

measure() {
  local label=$1; shift
  echo "== $label (load $(cut -d' ' -f1 /proc/loadavg))"
  local TIMEFORMAT="command: %R s wall, %U s user + %S s sys"
  { time SPECS_REPORTS_DIR="$scratch/$label" ./specs --no-build "$@" >"$scratch/$label.log" 2>&1; } 2>&1 \
    || { echo "the run failed: $scratch/$label.log"; tail -20 "$scratch/$label.log"; exit 1; }
  grep -E '^(Passed|Failed)!' "$scratch/$label.log" || true
  dotnet run --file bench/spec-suite/timings.cs -- "$scratch/$label/cucumber-messages.ndjson" --top 5
}

for i in $(seq 1 "$RUNS"); do measure "run-$i"; done
measure alone -- xUnit.ParallelizeTestCollections=false xUnit.MaxParallelThreads=1
