#!/usr/bin/env bash
# Measures the xUnit integration at scale, side by side in one run (runs alternate, so they share the machine's noise):
# generates FEATURES x SCENARIOS features (a Background, plain scenarios, one outline with 2 rows; trivial passing
# bindings) into WORK, wired three ways over the same features:
#   New/    this repository's integration: FeatureCodeBehind (build-time code-behind) + FeatureXunit on Reqnroll 3.3.4
#   Upstream/  hand-written [Fact]s making the same Reqnroll runtime calls in Reqnroll.xUnit's own code-behind shape (an
#           async method per scenario, an await per step) over the same embedded messages: the baseline of the test run
#   Facts/  the bare step methods called from plain [Fact]s, no Reqnroll at all: the floor
#   Old/    only when OLD_REPO is a checkout of commit 90ab708: the retired in-house engine (source generator + runtime)
#   NAME/   for each NAME=DIR of COMPARE: DIR is a copy (src/ and Directory.*) of another version of this repository,
#           whose FeatureCodeBehind + FeatureXunit are wired like New's (e.g. Prev=/tmp/prev with 40366ea's: a method per feature)
# and prints, per project: no-change rebuild vs rebuild after editing one feature (5 pairs with the compiler server,
# 3 without; New and Old), and `dotnet test --no-build` wall time (3 runs; New and Upstream with Reqnroll's formatters
# on and off).
# Results: docs/performance.md.
# BUILDS_ONLY=1 measures the builds only (no test runs, no Upstream). GENERATE_ONLY=1 writes the projects and stops.
# Usage: [OLD_REPO=/tmp/perf-old] [COMPARE='Prev=/tmp/perf-prev ...'] [BUILDS_ONLY=1] bench/generated-suite/run.sh [features] [scenarios-per-feature] [work-dir]
#   defaults: 500 10 /tmp/generated-suite  (the work dir is deleted and recreated)
set -euo pipefail

FEATURES=${1:-500}
SCENARIOS=${2:-10}
WORK=${3:-/tmp/generated-suite}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OLD_REPO=${OLD_REPO:-}
COMPARE=${COMPARE:-}
BUILDS_ONLY=${BUILDS_ONLY:-}
(( SCENARIOS >= 3 )) || { echo "scenarios-per-feature must be >= 3 (one outline with 2 rows + plain scenarios)"; exit 2; }

rm -rf "$WORK"
mkdir -p "$WORK/features"
cp "$REPO/Directory.Build.props" "$REPO/Directory.Packages.props" "$REPO/global.json" "$WORK/"
cat > "$WORK/reqnroll.json" <<JSON
{
  "language": { "feature": "en-US" },
  "generator": { "addNonParallelizableMarkerForTags": [ "serial" ] },
  "formatters": {
    "message": { "outputFilePath": "$WORK/reports/messages.ndjson" },
    "html": { "outputFilePath": "$WORK/reports/report.html" }
  }
}
JSON

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
  mkdir -p "$WORK/features/area$((i % 10))"
  write_feature "$i" "$WORK/features/area$((i % 10))/feature$i.feature"
done

steps_class() { # $1: using line
  cat <<CS
$1

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
            throw new InvalidOperationException(\$"expected {expected} slots, found {_slots}");
        }
    }
}
CS
}

# test_project NAME ITEMS [EXTRA]: NAME/NAME.csproj, an xUnit test project with ITEMS in its item group and EXTRA after it.
test_project() {
  mkdir -p "$WORK/$1"
  cat > "$WORK/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><RootNamespace>Suite</RootNamespace><IsTestProject>true</IsTestProject><NoWarn>\$(NoWarn);xUnit1004</NoWarn></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.NET.Test.Sdk" />
    <PackageReference Include="xunit" />
    <PackageReference Include="xunit.runner.visualstudio" PrivateAssets="all" />
$2
  </ItemGroup>
${3:-}
  <Target Name="RemoveXunitAnalyzers" BeforeTargets="CoreCompile">
    <ItemGroup><Analyzer Remove="@(Analyzer)" Condition="'%(Filename)' == 'xunit.analyzers' Or '%(Filename)' == 'xunit.analyzers.fixes'" /></ItemGroup>
  </Target>
</Project>
XML
}
reqnroll_items="    <ProjectReference Include=\"$REPO/src/FeatureXunit/FeatureXunit.csproj\" />
    <PackageReference Include=\"Reqnroll\" />
    <PackageReference Include=\"Xunit.SkippableFact\" />
    <None Include=\"../reqnroll.json\" Link=\"reqnroll.json\" CopyToOutputDirectory=\"PreserveNewest\" />"

test_project New "$reqnroll_items
    <FeatureFile Include=\"../features/**/*.feature\" Link=\"features/%(RecursiveDir)%(Filename)%(Extension)\" />" \
  "  <PropertyGroup><FeatureCodeBehindConfig>\$(MSBuildThisFileDirectory)../reqnroll.json</FeatureCodeBehindConfig></PropertyGroup>
  <Import Project=\"$REPO/src/FeatureCodeBehind/build/FeatureCodeBehind.targets\" />"
steps_class "using Reqnroll;" > "$WORK/New/PoolSteps.cs"

# Facts: per feature a class with one [Fact] per scenario making the scenario's step calls directly.
test_project Facts ""
steps_class "#pragma warning disable CA1822
[AttributeUsage(AttributeTargets.Class)] public sealed class BindingAttribute : Attribute;
[AttributeUsage(AttributeTargets.Method)] public sealed class GivenAttribute(string text) : Attribute { public string Text => text; }
[AttributeUsage(AttributeTargets.Method)] public sealed class WhenAttribute(string text) : Attribute { public string Text => text; }
[AttributeUsage(AttributeTargets.Method)] public sealed class ThenAttribute(string text) : Attribute { public string Text => text; }" \
  | sed 's/^namespace Suite;$//' > "$WORK/Facts/PoolSteps.cs"
for ((i = 0; i < FEATURES; i++)); do
  {
    echo "namespace Suite;"
    echo "public sealed class Feature$i"
    echo "{"
    for ((s = 1; s <= SCENARIOS - 2; s++)); do
      echo "    [Xunit.Fact] public void Scenario$s() { var p = new PoolSteps(); p.GivenPool(\"gpu-$i\", 10); p.WhenLeasesTaken($s); p.ThenSlotsRemain($((10 - s))); }"
    done
    echo "    [Xunit.Fact] public void Row1() { var p = new PoolSteps(); p.GivenPool(\"gpu-$i\", 10); p.WhenLeasesTaken(0); p.ThenSlotsRemain(10); }"
    echo "    [Xunit.Fact] public void Row2() { var p = new PoolSteps(); p.GivenPool(\"gpu-$i\", 10); p.WhenLeasesTaken(10); p.ThenSlotsRemain(0); }"
    echo "}"
  } > "$WORK/Facts/Feature$i.cs"
done

# Upstream: Reqnroll.xUnit's code-behind shape, written out for the generated features (runs the same pickles as New).
test_project Upstream "$reqnroll_items
    <Compile Include=\"$REPO/src/FeatureCodeBehind/build/AssemblyHooks.cs\" />
    <EmbeddedResource Include=\"../New/obj/Debug/net10.0/FeatureCodeBehind/features/**/*.ndjson\" LogicalName=\"features/%(RecursiveDir)%(Filename)%(Extension)\" />"
steps_class "using Reqnroll;" > "$WORK/Upstream/PoolSteps.cs"
upstream_scenario() { # name title tags-csv args pickle-index taken left feature
  cat <<CS
    [Xunit.SkippableFact(DisplayName = "$2")]
    [Xunit.Trait("Category", "$3")]
    public async Task $1()
    {
        var info = new ScenarioInfo("$2", null, ["$3"], $4, FeatureTags, "$5");
        _runner!.OnScenarioInitialize(info, null);
        _runner.ScenarioContext.ScenarioContainer.RegisterInstanceAs(_output);
        await _runner.OnScenarioStartAsync();
        await _runner.GivenAsync("pool gpu-$8 has 10 slots", null, null, "Given ");
        await _runner.WhenAsync("$6 leases are taken", null, null, "When ");
        await _runner.ThenAsync("$7 slots remain", null, null, "Then ");
        await _runner.CollectScenarioErrorsAsync();
    }
CS
}
[ -n "$BUILDS_ONLY" ] || for ((i = 0; i < FEATURES; i++)); do
  area=$((i % 10))
  {
    cat <<CS
using System.Collections.Specialized;
using Reqnroll;
using Xunit.Abstractions;
namespace Suite.Upstream;
public sealed class Feature$i(Feature$i.Fixture fixture, ITestOutputHelper output) : Xunit.IClassFixture<Feature$i.Fixture>, Xunit.IAsyncLifetime
{
    private static readonly string[] FeatureTags = ["area$area"];
    private static readonly FeatureInfo Info = new(new System.Globalization.CultureInfo("en-US"), "features/area$area", "Generated feature $i",
        "  Pools hand out leases until their slots run out.", ProgrammingLanguage.CSharp, FeatureTags,
        new Reqnroll.Formatters.RuntimeSupport.FeatureLevelCucumberMessages("features/area$area/feature$i.feature.ndjson", $((SCENARIOS + 2))));
    private readonly ITestOutputHelper _output = output;
    private readonly Fixture _fixture = fixture;
    private ITestRunner? _runner;
    public sealed class Fixture : Xunit.IAsyncLifetime
    {
        public Task InitializeAsync() => Task.CompletedTask;
        public Task DisposeAsync() => TestRunnerManager.ReleaseFeatureAsync(Info);
    }
    public async Task InitializeAsync()
    {
        _runner = TestRunnerManager.GetTestRunnerForAssembly(featureHint: Info);
        if (_runner.FeatureContext != null && !_runner.FeatureContext.FeatureInfo.Equals(Info)) await _runner.OnFeatureEndAsync();
        if (_runner.FeatureContext == null) await _runner.OnFeatureStartAsync(Info);
    }
    public async Task DisposeAsync()
    {
        await _runner!.OnScenarioEndAsync();
        TestRunnerManager.ReleaseTestRunner(_runner);
    }
CS
    for ((s = 1; s <= SCENARIOS - 2; s++)); do
      upstream_scenario "Scenario$s" "Taking $s leases leaves $((10 - s)) slots" "s$s" "new OrderedDictionary()" "$((s - 1))" "$s" "$((10 - s))" "$i"
    done
    upstream_scenario Row1 "Taking <taken> leases" rows 'new OrderedDictionary { ["taken"] = "0", ["left"] = "10" }' "$((SCENARIOS - 2))" 0 10 "$i"
    upstream_scenario Row2 "Taking <taken> leases" rows 'new OrderedDictionary { ["taken"] = "10", ["left"] = "0" }' "$((SCENARIOS - 1))" 10 0 "$i"
    echo "}"
  } > "$WORK/Upstream/Feature$i.cs"
done

projects=(New Facts)
if [ -n "$OLD_REPO" ]; then
  test_project Old "    <ProjectReference Include=\"$OLD_REPO/src/Bdd/Bdd.csproj\" />
    <ProjectReference Include=\"$OLD_REPO/src/Bdd.xUnit/Bdd.xUnit.csproj\" />
    <ProjectReference Include=\"$OLD_REPO/src/Bdd.Generator/Bdd.Generator.csproj\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />
    <CompilerVisibleProperty Include=\"RootNamespace\" />
    <AdditionalFiles Include=\"../features/**/*.feature\" Link=\"features/%(RecursiveDir)%(Filename)%(Extension)\" />"
  steps_class "using Bdd;" > "$WORK/Old/PoolSteps.cs"
  projects+=(Old)
fi
for compared in $COMPARE; do
  name=${compared%%=*} dir=${compared#*=}
  test_project "$name" "${reqnroll_items//$REPO/$dir}
    <FeatureFile Include=\"../features/**/*.feature\" Link=\"features/%(RecursiveDir)%(Filename)%(Extension)\" />" \
    "  <PropertyGroup><FeatureCodeBehindConfig>\$(MSBuildThisFileDirectory)../reqnroll.json</FeatureCodeBehindConfig></PropertyGroup>
  <Import Project=\"$dir/src/FeatureCodeBehind/build/FeatureCodeBehind.targets\" />"
  steps_class "using Reqnroll;" > "$WORK/$name/PoolSteps.cs"
  projects+=("$name")
done

[ -z "${GENERATE_ONLY:-}" ] || { echo "generated: $WORK (${projects[*]})"; exit 0; }
log="$WORK/bench.log"
results="$WORK/results.txt"
: > "$results"
# measure PROJECT LABEL COMMAND...: appends "PROJECT|LABEL|seconds" (wall) and "PROJECT|LABEL, CPU|seconds" (user +
# system of the command and its waited-for children: the compiler without the server, not the server's) to the results.
measure() {
  local project=$1 label=$2; shift 2
  local start end cpu
  start=$(date +%s.%N)
  { TIMEFORMAT='%U %S'; time { (cd "$WORK/$project" && "$@") >>"$log" 2>&1 || echo "  ($project: '$*' failed, see $log)"; }; } 2>"$WORK/time.txt"
  cpu=$(awk 'END { printf "%.2f", $1 + $2 }' "$WORK/time.txt")
  end=$(date +%s.%N)
  local seconds; seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  echo "$project|$label|$seconds" >> "$results"
  echo "$project|$label, CPU|$cpu" >> "$results"
  printf '%-6s %-44s %7.2f s  (CPU %6.2f s, load %s)\n' "$project" "$label" "$seconds" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)"
}
edited=$(( FEATURES > 7 ? 7 : 0 ))   # the feature each edit rewrites
edit_one() { write_feature "$edited" "$WORK/features/area$((edited % 10))/feature$edited.feature" " (edit $1)"; }

servers_before=$(pgrep -f VBCSCompiler || true)
echo "generated suite: $FEATURES features x $SCENARIOS scenarios = $((FEATURES * SCENARIOS)) tests; projects: ${projects[*]} ($WORK)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg), SDK $(dotnet --version)"
for p in "${projects[@]}"; do measure "$p" "restore + first build" dotnet build -nologo; done
[ -n "$BUILDS_ONLY" ] || measure Upstream "restore + first build (after New)" dotnet build -nologo

edit=0
echo "-- compiler server on (the repository's configuration)"
for round in 1 2 3 4 5; do
  for p in "${projects[@]}"; do
    [ "$p" = Facts ] && continue
    (cd "$WORK/$p" && dotnet build --no-restore -nologo >>"$log" 2>&1)   # catch up with the other project's edit (shared features)
    measure "$p" "no-change build (server)" dotnet build --no-restore -nologo
    edit=$((edit + 1)); edit_one "$edit"
    measure "$p" "edit-one-feature build (server)" dotnet build --no-restore -nologo
  done
done
echo "-- compiler server off (-p:UseSharedCompilation=false)"
for round in 1 2 3; do
  for p in "${projects[@]}"; do
    [ "$p" = Facts ] && continue
    (cd "$WORK/$p" && dotnet build --no-restore -nologo -p:UseSharedCompilation=false >>"$log" 2>&1)
    measure "$p" "no-change build (no server)" dotnet build --no-restore -nologo -nodeReuse:false -p:UseSharedCompilation=false
    edit=$((edit + 1)); edit_one "$edit"
    measure "$p" "edit-one-feature build (no server)" dotnet build --no-restore -nologo -nodeReuse:false -p:UseSharedCompilation=false
  done
done
# Build each project once more so that every test run below runs the same features (Upstream embeds New's messages).
[ -n "$BUILDS_ONLY" ] || for p in "${projects[@]}" Upstream; do (cd "$WORK/$p" && dotnet build --no-restore -nologo >>"$log" 2>&1); done

[ -n "$BUILDS_ONLY" ] || echo "-- dotnet test --no-build"
[ -n "$BUILDS_ONLY" ] || for round in 1 2 3; do
  measure New "test, formatters on" dotnet test --no-build
  measure New "test, formatters off" env REQNROLL_FORMATTERS_DISABLED=true dotnet test --no-build
  measure Upstream "test, formatters on" dotnet test --no-build
  measure Upstream "test, formatters off" env REQNROLL_FORMATTERS_DISABLED=true dotnet test --no-build
  measure Facts "test" dotnet test --no-build
  [ -n "$OLD_REPO" ] && measure Old "test" dotnet test --no-build
done
{ grep -E "Passed!|Failed!" "$log" || true; } | sort | uniq -c | sed "s/^/test summaries: /"

echo "-- medians (min-max)"
cut -d'|' -f1,2 "$results" | sort -u | while IFS= read -r key; do
  mapfile -t values < <(grep -F "$key|" "$results" | cut -d'|' -f3 | sort -n)
  n=${#values[@]}
  if (( n % 2 )); then median=${values[n / 2]}; else median=$(awk -v a="${values[n / 2 - 1]}" -v b="${values[n / 2]}" 'BEGIN { printf "%.2f", (a + b) / 2 }'); fi
  printf '%-6s %-44s median %6.2f s  (%s-%s, n=%d)\n' "${key%%|*}" "${key#*|}" "$median" "${values[0]}" "${values[n - 1]}" "$n"
done
echo "log: $log, raw results: $results"

for pid in $(pgrep -f VBCSCompiler || true); do
  grep -qx "$pid" <<<"$servers_before" || kill "$pid" 2>/dev/null || true
done
