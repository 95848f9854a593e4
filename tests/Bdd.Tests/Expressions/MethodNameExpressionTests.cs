using Bdd.Expressions;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Expressions;

public static class NamedSteps
{
    public static void Given_the_pool_is_ready() { }

    public static void GivenThePoolIsReady() { }

    public static void When_pool_P0_has_P1_slots(string p0, int p1) { }
}

public class MethodNameExpressionTests
{
    [Theory]
    [InlineData(nameof(NamedSteps.Given_the_pool_is_ready))]
    [InlineData(nameof(NamedSteps.GivenThePoolIsReady))]
    public void Compile_UnderscoreOrPascalCase_MatchesTextIgnoringCase(string methodName)
    {
        var compiled = MethodNameExpression.Compile(typeof(NamedSteps).GetMethod(methodName)!);
        compiled.TryMatch("the pool is ready", out _).Should().BeTrue();
        compiled.TryMatch("The Pool Is Ready", out _).Should().BeTrue();
        compiled.TryMatch("the pool is not ready", out _).Should().BeFalse();
        compiled.Source.Should().Be("the pool is ready");
    }

    [Fact]
    public void Compile_ParameterNamesInMethodName_CaptureArguments()
    {
        var compiled = MethodNameExpression.Compile(typeof(NamedSteps).GetMethod(nameof(NamedSteps.When_pool_P0_has_P1_slots))!);
        compiled.TryMatch("pool \"gpu-0\" has 4 slots", out var args).Should().BeTrue();
        args.Should().Equal("gpu-0", "4");
    }

    [Theory]
    [InlineData("GivenThePoolIsReady", new[] { "Given", "The", "Pool", "Is", "Ready" })]
    [InlineData("WhenP0Drains", new[] { "When", "P0", "Drains" })]
    [InlineData("ThenHTTPWorks", new[] { "Then", "HTTP", "Works" })]
    public void SplitWords_PascalCase_SplitsOnHumps(string name, string[] words)
        => MethodNameExpression.SplitWords(name).Should().Equal(words);
}
