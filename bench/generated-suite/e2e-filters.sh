#!/usr/bin/env bash
# End-to-end check of the generator + Bdd.xUnit in the real `dotnet test` pipeline (VSTest discovery, test case
# serialization, filters, dynamic skip, test-run hooks). Builds a throwaway sample project (features with rules,
# outlines, Examples tags, @ignore, @serial; bindings with a failing, an undefined and a pending scenario) and
# asserts the number of tests each filter selects. Exit code 0 when every check holds.
# Usage: bench/generated-suite/e2e-filters.sh [work-dir]   (default /tmp/bdd-e2e-filters, deleted and recreated)
set -euo pipefail

WORK=${1:-/tmp/bdd-e2e-filters}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
rm -rf "$WORK"
mkdir -p "$WORK/Specs" "$WORK/features/supervision" "$WORK/features/budgets"
cp "$REPO/Directory.Build.props" "$REPO/Directory.Packages.props" "$WORK/"
[ -f "$REPO/global.json" ] && cp "$REPO/global.json" "$WORK/"

cat > "$WORK/reqnroll.json" <<'JSON'
{
  "runtime": { "missingOrPendingStepsOutcome": "Error" },
  "generator": { "addNonParallelizableMarkerForTags": [ "serial" ] }
}
JSON

cat > "$WORK/features/supervision/drain.feature" <<'GHERKIN'
@drain
Feature: Drain
  A draining pool finishes its leases and refuses new ones.

  Background:
    Given pool gpu-0 serves llama-7b-v1

  Scenario: A draining pool refuses new leases
    When the operator drains pool gpu-0
    Then a new lease on pool gpu-0 is refused

  @slow
  Scenario: A drained pool reports drained
    When the operator drains pool gpu-0
    Then pool gpu-0 reports drained

  @ignore
  Scenario: Not yet specified
    Given an undefined step

  @leases
  Rule: Leases finish before the pool stops
    Scenario: A leased pool waits
      When the operator drains pool gpu-0
      Then pool gpu-0 reports draining
GHERKIN

cat > "$WORK/features/budgets/budget.feature" <<'GHERKIN'
@budget @serial
Feature: Budget allocation

  Rule: Requests above the limit are refused
    @limits
    Scenario Outline: Budget allocation
      When a request of <request> arrives with limit <limit>
      Then the request is <outcome>

      @edge
      Examples: edges
        | limit | request | outcome |
        | 1024  | 1025    | refused |
        | 1024  | 1024    | allowed |

      @ignore
      Examples: later
        | limit | request | outcome |
        | 0     | 1       | refused |

      Examples:
        | limit | request | outcome |
        | 10    | 5       | allowed |

  @outcomes
  Scenario: A failing scenario
    Then it fails

  @outcomes
  Scenario: An undefined scenario
    Then nobody implemented this

  @outcomes
  Scenario: A pending scenario
    Then it is pending
GHERKIN

cat > "$WORK/Specs/Specs.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <RootNamespace>Sample</RootNamespace>
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

cat > "$WORK/Specs/SampleSteps.cs" <<'CS'
using Bdd;

namespace Sample;

[Binding]
public sealed class SampleSteps
{
    private static int _beforeRuns;

    [BeforeTestRun]
    public static void BeforeRun() => Interlocked.Increment(ref _beforeRuns);

    [AfterTestRun]
    public static void AfterRun() => File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "after-test-run.txt"), $"before-test-run ran {_beforeRuns} time(s)");

    [Given("pool {word} serves {word}")] public void PoolServes(string pool, string model) { }
    [When("the operator drains pool {word}")] public void Drain(string pool) { }
    [Then("a new lease on pool {word} is refused")] public void Refused(string pool) { }
    [Then("pool {word} reports {word}")] public void Reports(string pool, string state) { }
    [When("a request of {int} arrives with limit {int}")] public void Request(int request, int limit) { }
    [Then("the request is {word}")] public void Outcome(string outcome) { }
    [Then("it fails")] public void Fails() => throw new InvalidOperationException("the breaker stayed closed");
    [Then("it is pending")] public void Pending() => throw new PendingStepException();
}
CS

cd "$WORK/Specs"
dotnet build -nologo >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 1; }

failures=0
# check FILTER "passed failed skipped"
check() {
  local filter=$1 expected=$2 out actual
  if [ -n "$filter" ]; then
    out=$(dotnet test --no-build --filter "$filter" 2>&1 || true)
  else
    out=$(dotnet test --no-build 2>&1 || true)
  fi
  actual=$(echo "$out" | grep -E 'Passed!|Failed!' | tail -1 | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \1 \3/')
  if [ "$actual" = "$expected" ]; then
    printf 'ok    %-40s passed/failed/skipped = %s\n' "${filter:-<all>}" "$actual"
  else
    printf 'FAIL  %-40s expected %s, got %s\n' "${filter:-<all>}" "$expected" "${actual:-<no summary>}"
    failures=$((failures + 1))
  fi
}

check ""                                   "6 3 2"   # 11 tests: 3 failing/undefined/pending, @ignore scenario + row
check "Category=edge"                      "2 0 0"   # Examples-block tag: exactly its 2 rows
check "Category=leases"                    "1 0 0"   # Rule tag
check "Category=limits"                    "3 0 1"   # scenario tag: every row (ignored row skipped)
check "FullyQualifiedName~DrainFeature"    "3 0 1"   # one feature
check "Category=drain&Category!=slow"      "2 0 1"
check "Category=budget&Category!=edge"     "1 3 1"
check "FeatureTitle=Drain"                 "3 0 1"
rm -f bin/Debug/net10.0/after-test-run.txt
check "Category=outcomes"                  "0 3 0"   # failed, undefined, pending report as failures (outcome Error)

grep -q "before-test-run ran 1 time" bin/Debug/net10.0/after-test-run.txt \
  && echo "ok    [BeforeTestRun] once, [AfterTestRun] after a run with failures" \
  || { echo "FAIL  test-run hooks"; failures=$((failures + 1)); }

out=$(dotnet test --no-build --filter "DisplayName~undefined" --logger "console;verbosity=normal" 2>&1 || true)
echo "$out" | grep -q 'Add this step definition\|\[Then("nobody implemented this")\]' \
  && echo "ok    undefined step reports a snippet" || { echo "FAIL  undefined snippet"; failures=$((failures + 1)); }

# missingOrPendingStepsOutcome: Ignore -> undefined and pending become dynamic skips.
sed -i 's/"Error"/"Ignore"/' "$WORK/reqnroll.json"
dotnet build -nologo >>"$WORK/build.log" 2>&1
check "Category=outcomes"                  "0 1 2"

echo "$failures check(s) failed"
exit $(( failures > 0 ))
