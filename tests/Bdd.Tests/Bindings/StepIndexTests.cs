using Bdd.Bindings;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Bindings;

[Binding]
public sealed class IndexedSteps
{
    [Given("the pool {string} has {int} leases")] public void Leases(string pool, int leases) { }
    [Given("the pool {string} has {int} slots")] public void Slots(string pool, int slots) { }
    [Given("the pool is draining")] public void Draining() { }
    [Given("the engine crashed")] public void Crashed() { }
    [Given("{int} pools")] public void Pools(int count) { }
    [Given(@"^the (\w+) restarts$")] public void Restarts(string what) { }
}

public class StepIndexTests
{
    [Theory]
    [InlineData("the pool ", "the pool ")]
    [InlineData("the pool is draining", "the pool is ")]
    [InlineData("a b c d e", "a b c ")]
    [InlineData("nospace", "")]
    public void Key_IsLiteralPrefixCutAfterAtMostThreeWords(string prefix, string key)
        => StepIndex.Key(prefix).Should().Be(key);

    [Fact]
    public void For_Step_ReturnsOnlyBucketsOfItsLeadingWords()
    {
        var registry = new BindingRegistry([typeof(IndexedSteps)], System.Globalization.CultureInfo.InvariantCulture);
        var candidates = registry.Index(StepDefinitionType.Given).For("the pool \"gpu-0\" has 4 leases");
        var all = Enumerable.Range(0, StepIndex.Candidates.Count).SelectMany(i => candidates[i] ?? []).Select(b => b.Method.Name).ToList();
        all.Should().BeEquivalentTo("Leases", "Slots", "Pools", "Restarts");
    }
}
