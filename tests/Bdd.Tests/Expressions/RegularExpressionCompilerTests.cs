using Bdd.Events;
using Bdd.Expressions;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Expressions;

public class RegularExpressionCompilerTests
{
    [Theory]
    [InlineData(@"^the pool (\w+) has (\d+) slots$")]
    [InlineData(@"the pool (\w+) has (\d+) slots")]
    public void Compile_WithOrWithoutAnchors_MatchesWholeTextAndCapturesGroups(string expression)
    {
        var compiled = RegularExpressionCompiler.Compile(expression);
        compiled.TryMatch("the pool gpu has 4 slots", out var args).Should().BeTrue();
        args.Should().Equal("gpu", "4");
        compiled.TryMatch("so the pool gpu has 4 slots", out _).Should().BeFalse();
        compiled.TryMatch("the pool gpu has 4 slots now", out _).Should().BeFalse();
    }

    [Fact]
    public void Compile_Alternation_IsAnchoredAsAWhole()
    {
        var compiled = RegularExpressionCompiler.Compile("^ready|healthy$");
        compiled.TryMatch("ready", out _).Should().BeTrue();
        compiled.TryMatch("healthy", out _).Should().BeTrue();
        compiled.TryMatch("ready x", out _).Should().BeFalse();
        compiled.LiteralPrefix.Should().BeEmpty();
    }

    [Fact]
    public void Compile_InvalidRegex_ThrowsExpressionException()
        => FluentActions.Invoking(() => RegularExpressionCompiler.Compile("^the (pool$"))
            .Should().Throw<ExpressionException>().WithMessage("*Invalid regular expression*");

    [Theory]
    [InlineData(@"the pool (\w+) drains", "the pool ")]
    [InlineData(@"pools? drain", "pool")]
    [InlineData(@"a|b", "")]
    [InlineData(@"(\d+) pools", "")]
    public void LiteralPrefix_IsTextBeforeTheFirstMetacharacter(string body, string expected)
        => RegularExpressionCompiler.LiteralPrefix(body).Should().Be(expected);

    [Fact]
    public void MatchArguments_RegexGroups_StartAndRawValueWithoutParameterType()
        => RegularExpressionCompiler.Compile(@"^pool ([\w-]+) has (\d+) slots( reserved)?$").MatchArguments("pool gpu-0 has 4 slots")
            .Should().Equal(new StepMatchArgument(5, "gpu-0", null), new StepMatchArgument(15, "4", null), new StepMatchArgument(null, null, null));

    [Fact]
    public void MatchArguments_NoMatch_Empty()
        => RegularExpressionCompiler.Compile(@"^pool (\d+)$").MatchArguments("pool x").Should().BeEmpty();
}
