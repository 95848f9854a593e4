#!/usr/bin/env bash
# Generates a synthetic spec suite (500 feature files x 10 scenarios, one trivial binding class whose steps all
# pass) into a temporary project wired like src/Steps (Bdd.Generator analyzer + Bdd + Bdd.xUnit, the repository's
# Directory.Build.props), then measures: restore, first build, five no-change / one-feature-edit rebuild pairs with
# the compiler server (the repository's configuration), three without it, and the test run. Results: docs/performance.md.
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
  <!-- As in src/Steps: xUnit's analyzers have nothing to check in generated scenario classes but cost seconds. -->
  <Target Name="RemoveXunitAnalyzers" BeforeTargets="CoreCompile">
    <ItemGroup>
      <Analyzer Remove="@(Analyzer)" Condition="'%(Filename)' == 'xunit.analyzers' Or '%(Filename)' == 'xunit.analyzers.fixes'" />
    </ItemGroup>
  </Target>
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

# measure LABEL COMMAND... : prints "LABEL: wall W s, cpu C s" (cpu = user+sys of MSBuild, csc and the test host;
# not the compiler server's, so it is small when the server compiles). Wall time depends on machine load.
measure() {
  local label=$1; shift
  local start end cpu
  start=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%U %S" -o "$WORK/cpu.txt" "$@" >>"$log" 2>&1 || true
    cpu=$(awk '{ printf "%.1f", $1 + $2 }' "$WORK/cpu.txt")
  else
    "$@" >>"$log" 2>&1 || true
    cpu="n/a"
  fi
  end=$(date +%s.%N)
  printf '%-52s wall %6.1f s   cpu %5s s\n' "$label" "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" "$cpu"
}

edit_one() { write_feature 7 "$WORK/features/area7/feature7.feature" " (edit $1)"; }

log="$WORK/bench.log"
cd "$WORK/Suite"
servers_before=$(pgrep -f VBCSCompiler || true)

echo "generated suite: $FEATURES features x $SCENARIOS scenarios = $((FEATURES * SCENARIOS)) tests ($WORK)"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), SDK $(dotnet --version), environment UseSharedCompilation=${UseSharedCompilation:-<unset>}"
# The repository's configuration: Directory.Build.props (copied above) turns the Roslyn compiler server on.
# "Edit N" counts the compilations the server has done: its JIT warms up over the first few.
echo "-- repository configuration (compiler server on)"
measure "restore" dotnet restore
measure "first build (after restore)" dotnet build --no-restore -nologo
for edit in 1 2 3 4 5; do
  measure "no-change rebuild" dotnet build --no-restore -nologo
  edit_one "$edit"
  measure "rebuild after editing 1 feature (edit $edit)" dotnet build --no-restore -nologo
done
# The machine image's configuration: no compiler server, every build starts a cold compiler.
echo "-- without the compiler server (-p:UseSharedCompilation=false)"
for edit in 6 7 8; do
  measure "no-change rebuild" dotnet build --no-restore -nologo -p:UseSharedCompilation=false
  edit_one "$edit"
  measure "rebuild after editing 1 feature (edit $edit)" dotnet build --no-restore -nologo -p:UseSharedCompilation=false
done
measure "dotnet test --no-build ($((FEATURES * SCENARIOS)) tests: discovery + run)" dotnet test --no-build
grep -E 'Passed!|Failed!' "$log" | tail -1 | sed 's/^ */test summary: /'
echo "log: $log"

# Stop the compiler server(s) this script started (by pid; servers that were already running are left alone).
for pid in $(pgrep -f VBCSCompiler || true); do
  if ! grep -qx "$pid" <<<"$servers_before"; then kill "$pid" 2>/dev/null || true; fi
done
