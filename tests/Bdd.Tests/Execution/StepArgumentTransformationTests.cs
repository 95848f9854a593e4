using Bdd.Execution;
using Bdd.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Execution;

public sealed record Color(string Name);

public sealed record Pool(string Name, int Slots);

[Binding]
public sealed class Transformations
{
    [StepArgumentTransformation]
    public Color ToColor(string name) => new(name.ToUpperInvariant());

    [StepArgumentTransformation(@"in (\d+) days?")]
    public static TimeSpan InDays(int days) => TimeSpan.FromDays(days);

    [StepArgumentTransformation]
    public IReadOnlyList<Pool> ToPools(DataTable table) => [.. table.Rows.Select(r => new Pool(r["name"], int.Parse(r["slots"], System.Globalization.CultureInfo.InvariantCulture)))];

    [StepArgumentTransformation(Name = "size")]
    public static int Size(string text) => text switch { "small" => 1, "large" => 8, _ => throw new FormatException($"unknown size {text}") };
}

[Binding]
public sealed class TransformedSteps(IReqnrollOutputHelper output)
{
    [Given("the color {Color}")]
    public void GivenColor(Color color) => output.WriteLine("color=" + color.Name);

    [Given("the lease expires {}")]
    public void GivenExpiry(TimeSpan expiry) => output.WriteLine("expiry=" + expiry.TotalDays);

    [Given("the lease lasts {}")]
    public void GivenLasts(TimeSpan span) => output.WriteLine("lasts=" + span);

    [Given("these pools")]
    public void GivenPools(IReadOnlyList<Pool> pools) => output.WriteLine("pools=" + string.Join(",", pools.Select(p => p.Name + ":" + p.Slots)));

    [Given("a {size} pool")]
    public void GivenSize(int slots) => output.WriteLine("size=" + slots);
}

public class StepArgumentTransformationTests
{
    [Fact]
    public async Task RunScenarioAsync_Transformations_TakePrecedenceAndDefineParameterTypes()
    {
        var (result, output) = await FeatureRun.OneAsync("""
            Feature: Transformations
              Scenario: All kinds
                Given the color red
                And the lease expires in 3 days
                And the lease lasts 01:00:00
                And these pools
                  | name  | slots |
                  | gpu-0 | 4     |
                And a large pool
            """, typeof(Transformations), typeof(TransformedSteps));
        result.Status.Should().Be(ScenarioStatus.Passed, result.Message);
        output.Lines.Where(l => l.Contains('=')).Should().Equal("color=RED", "expiry=3", "lasts=01:00:00", "pools=gpu-0:4", "size=8");
    }

    [Fact]
    public async Task RunScenarioAsync_CustomParameterTypeRegex_RestrictsMatching()
    {
        var (result, _) = await FeatureRun.OneAsync("""
            Feature: Transformations
              Scenario: Custom type text that is not a size
                Given a medium pool
            """, typeof(Transformations), typeof(TransformedSteps));
        result.Status.Should().Be(ScenarioStatus.Failed);
        result.Message.Should().Contain("unknown size medium");
    }
}
