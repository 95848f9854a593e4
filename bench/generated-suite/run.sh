#!/usr/bin/env bash
# Generates a synthetic spec suite (500 feature files x 10 scenarios, one trivial binding class whose steps all
# pass) into a temporary project wired like src/Steps (Bdd.Generator analyzer + Bdd + Bdd.xUnit), then measures:
#   restore, first (cold) build, test run, no-change rebuild, rebuild after editing one feature file.
# Usage: bench/generated-suite/run.sh [features] [scenarios-per-feature] [work-dir]
#   defaults: 500 10 /tmp/bdd-generated-suite  (the work dir is deleted and recreated)
# The project is outside the repo and outside Specs.sln; it references the repo's projects by absolute path.
set -euo pipefail

FEATURES=${1:-500}
SCENARIOS=${2:-10}
WORK=${3:-/tmp/bdd-generated-suite}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
(( SCENARIOS >= 3 )) || { echo "scenarios-per-feature must be >= 3 (one outline with 2 rows + plain scenarios)"; exit 2; }

rm -rf "$WORK"
mkdir -p "$WORK/Suite" "$WORK/features"
cp "$REPO/Directory.Build.props" "$REPO/Directory.Packages.props" "$WORK/"
[ -f "$REPO/global.json" ] && cp "$REPO/global.json" "$WORK/"

cat > "$WORK/reqnroll.json" <<'JSON'
{
  "runtime": { "missingOrPendingStepsOutcome": "Error" },
  "generator": { "addNonParallelizableMarkerForTags": [ "serial" ] }
}
JSON

cat > "$WORK/Suite/Suite.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <RootNamespace>Suite</RootNamespace>
    <IsTestProject>true</IsTestProject>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$REPO/src/Bdd/Bdd.csproj" />
    <ProjectReference Include="$REPO/src/Bdd.xUnit/Bdd.xUnit.csproj" />
    <ProjectReference Include="$REPO/src/Bdd.Generator/Bdd.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.NET.Test.Sdk" />
    <PackageReference Include="xunit" />
    <PackageReference Include="xunit.runner.visualstudio" PrivateAssets="all" />
  </ItemGroup>
  <ItemGroup>
    <CompilerVisibleProperty Include="RootNamespace" />
    <AdditionalFiles Include="..\features\**\*.feature" Link="features\%(RecursiveDir)%(Filename)%(Extension)" />
    <AdditionalFiles Include="..\reqnroll.json" Link="reqnroll.json" />
    <None Include="..\reqnroll.json" Link="reqnroll.json" CopyToOutputDirectory="PreserveNewest" />
  </ItemGroup>
</Project>
XML

cat > "$WORK/Suite/PoolSteps.cs" <<'CS'
using Bdd;

namespace Suite;

/// <summary>Trivial bindings: every step of the generated suite matches one of these and passes.</summary>
[Binding]
public sealed class PoolSteps
{
    private int _slots;

    [Given("pool {word} has {int} slots")]
    public void GivenPool(string pool, int slots) => _slots = slots;

    [When("{int} leases are taken")]
    public void WhenLeasesTaken(int leases) => _slots -= leases;

    [Then("{int} slots remain")]
    public void ThenSlotsRemain(int expected)
    {
        if (_slots != expected)
        {
            throw new InvalidOperationException($"expected {expected} slots, found {_slots}");
        }
    }
}
CS

# One feature file: a Background, (SCENARIOS - 2) plain scenarios, one outline with 2 example rows.
write_feature() {
  local index=$1 path=$2 suffix=${3:-}
  {
    echo "@area$((index % 10))"
    echo "Feature: Generated feature $index$suffix"
    echo "  Pools hand out leases until their slots run out."
    echo
    echo "  Background:"
    echo "    Given pool gpu-$index has 10 slots"
    for ((s = 1; s <= SCENARIOS - 2; s++)); do
      echo
      echo "  @s$s"
      echo "  Scenario: Taking $s leases leaves $((10 - s)) slots"
      echo "    When $s leases are taken"
      echo "    Then $((10 - s)) slots remain"
    done
    echo
    echo "  Scenario Outline: Taking <taken> leases"
    echo "    When <taken> leases are taken"
    echo "    Then <left> slots remain"
    echo
    echo "    @rows"
    echo "    Examples:"
    echo "      | taken | left |"
    echo "      | 0     | 10   |"
    echo "      | 10    | 0    |"
  } > "$path"
}

for ((i = 0; i < FEATURES; i++)); do
  dir="$WORK/features/area$((i % 10))"
  mkdir -p "$dir"
  write_feature "$i" "$dir/feature$i.feature"
done

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
log="$WORK/bench.log"
cd "$WORK/Suite"

t0=$(now); dotnet restore >>"$log" 2>&1; t1=$(now); restore=$(elapsed "$t0" "$t1")
t0=$(now); dotnet build --no-restore -nologo >>"$log" 2>&1; t1=$(now); cold=$(elapsed "$t0" "$t1")
t0=$(now); dotnet build --no-restore -nologo >>"$log" 2>&1; t1=$(now); nochange=$(elapsed "$t0" "$t1")

# Edit one feature (title and one scenario change: the generator re-emits that file only).
write_feature 7 "$WORK/features/area7/feature7.feature" " (edited)"
t0=$(now); dotnet build --no-restore -nologo >>"$log" 2>&1; t1=$(now); touched=$(elapsed "$t0" "$t1")
t0=$(now); dotnet build --no-restore -nologo >>"$log" 2>&1; t1=$(now); nochange2=$(elapsed "$t0" "$t1")

t0=$(now); dotnet test --no-build --logger "trx;LogFileName=suite.trx" >"$WORK/test.log" 2>&1 || true; t1=$(now); run=$(elapsed "$t0" "$t1")
summary=$(grep -E 'Passed!|Failed!' "$WORK/test.log" | tail -1 | sed 's/^ *//')

cat <<REPORT
generated suite: $FEATURES features x $SCENARIOS scenarios = $((FEATURES * SCENARIOS)) tests ($WORK)
machine: $(nproc) cores, $(dotnet --version) SDK
restore                          : ${restore} s
first build (cold, after restore): ${cold} s
no-change rebuild                : ${nochange} s (again after the edit: ${nochange2} s)
rebuild after editing 1 feature  : ${touched} s
dotnet test --no-build (run)     : ${run} s
test summary: ${summary}
logs: $log, $WORK/test.log
REPORT
