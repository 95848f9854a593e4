using System.Globalization;
using Bdd.Expressions;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Expressions;

public class CucumberExpressionCompilerTests
{
    private static StepExpression Compile(string expression, string culture = "en-US")
    {
        var types = BuiltInParameterTypes.Create(CultureInfo.GetCultureInfo(culture));
        return CucumberExpressionCompiler.Compile(expression, (name, _) => types.GetValueOrDefault(name));
    }

    private static string[]? Match(string expression, string text, string culture = "en-US")
        => Compile(expression, culture).TryMatch(text, out var args) ? args : null;

    [Theory]
    [InlineData("{int}", "42", "42")]
    [InlineData("{int}", "-7", "-7")]
    [InlineData("{long}", "9000000000", "9000000000")]
    [InlineData("{byte}", "255", "255")]
    [InlineData("{short}", "-12", "-12")]
    [InlineData("{biginteger}", "123456789012345678901234567890", "123456789012345678901234567890")]
    [InlineData("{float}", "1.5", "1.5")]
    [InlineData("{double}", "-0.25", "-0.25")]
    [InlineData("{decimal}", "3", "3")]
    [InlineData("{bigdecimal}", ".5", ".5")]
    [InlineData("{word}", "gpu-0", "gpu-0")]
    [InlineData("{string}", "\"llama 7b\"", "llama 7b")]
    [InlineData("{string}", "'llama 7b'", "llama 7b")]
    [InlineData("{string}", "\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("{string}", "\"\"", "")]
    [InlineData("{}", "anything at all", "anything at all")]
    public void Compile_BuiltInParameter_CapturesArgument(string expression, string text, string expected)
        => Match("value " + expression + " end", "value " + text + " end").Should().Equal(expected);

    [Theory]
    [InlineData("{int}", "4.5")]
    [InlineData("{int}", "four")]
    [InlineData("{word}", "two words")]
    [InlineData("{string}", "unquoted")]
    [InlineData("{float}", "1.2.3")]
    public void Compile_BuiltInParameter_RejectsOtherText(string expression, string text)
        => Match("value " + expression, "value " + text).Should().BeNull();

    [Fact]
    public void Compile_FloatWithCommaCulture_UsesTheCulturesDecimalSeparator()
    {
        Match("{float} kg", "1,5 kg", "de-DE").Should().Equal("1,5");
        Match("{float} kg", "1.5 kg", "de-DE").Should().BeNull();
    }

    [Fact]
    public void Compile_OptionalText_MatchesWithAndWithout()
    {
        Match("{int} lease(s) granted", "1 lease granted").Should().Equal("1");
        Match("{int} lease(s) granted", "3 leases granted").Should().Equal("3");
        Match("{int} lease(s) granted", "3 leasess granted").Should().BeNull();
    }

    [Fact]
    public void Compile_Alternatives_MatchEitherWord()
    {
        Match("the pool is ready/healthy", "the pool is ready").Should().BeEmpty();
        Match("the pool is ready/healthy", "the pool is healthy").Should().BeEmpty();
        Match("the pool is ready/healthy", "the pool is ready/healthy").Should().BeNull();
    }

    [Fact]
    public void Compile_AlternativeWithOptional_MatchesEachForm()
    {
        Match("I have {int} cucumber(s)/gherkin(s)", "I have 2 cucumbers").Should().Equal("2");
        Match("I have {int} cucumber(s)/gherkin(s)", "I have 1 gherkin").Should().Equal("1");
    }

    [Theory]
    [InlineData(@"the \(draining\) pool", "the (draining) pool")]
    [InlineData(@"a \{literal\} brace", "a {literal} brace")]
    [InlineData(@"read\/write mode", "read/write mode")]
    [InlineData(@"a back\\slash", @"a back\slash")]
    public void Compile_EscapedSpecialCharacters_MatchLiterally(string expression, string text)
        => Match(expression, text).Should().BeEmpty();

    [Fact]
    public void Compile_RegexMetacharactersInText_AreLiteral()
    {
        Match("costs $5.00 + tax?", "costs $5.00 + tax?").Should().BeEmpty();
        Match("costs $5.00 + tax?", "costs $5x00 + tax").Should().BeNull();
    }

    [Fact]
    public void TryMatch_PartialText_DoesNotMatch()
    {
        Match("the pool is ready", "the pool is ready now").Should().BeNull();
        Match("the pool is ready", "so the pool is ready").Should().BeNull();
    }

    [Theory]
    [InlineData("the {unknown} pool", "Undefined parameter type '{unknown}'")]
    [InlineData("a (b", "is not closed with ')'")]
    [InlineData("a {int", "is not closed with '}'")]
    [InlineData("empty () optional", "Empty optional")]
    [InlineData("a / b", "Empty alternative")]
    [InlineData("stray ) paren", "Unmatched ')'")]
    [InlineData("ends with \\", "ends with an escape")]
    public void Compile_InvalidExpression_ThrowsClearMessage(string expression, string fragment)
        => FluentActions.Invoking(() => Compile(expression)).Should().Throw<ExpressionException>().WithMessage($"*{fragment}*");

    [Theory]
    [InlineData("the pool {string} is ready", "the pool ")]
    [InlineData("the pool(s) drain", "the pool")]
    [InlineData("the ready/healthy pool", "the ")]
    [InlineData("plain text only", "plain text only")]
    [InlineData("{int} pools", "")]
    public void Compile_LiteralPrefix_StopsAtTheFirstVariablePart(string expression, string prefix)
        => Compile(expression).LiteralPrefix.Should().Be(prefix);
}
