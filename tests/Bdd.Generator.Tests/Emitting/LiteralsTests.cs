using Bdd.Generator.Emitting;
using FluentAssertions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Bdd.Generator.Tests.Emitting;

public class LiteralsTests
{
    public static TheoryData<string> Texts => new()
    {
        "plain",
        "quotes \" and \"\"\" and backslash \\ and braces {0} {{",
        "line\nends\r\nand\ttabs and \0 nul",
        "separators \u2028 \u2029 \u0085 and emoji 😀",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void String_AnyText_ParsesBackToSameValue(string text)
        => Parse(Literals.String(text)).Should().Be(text);

    [Theory]
    [MemberData(nameof(Texts))]
    public void Verbatim_AnyText_ParsesBackToSameValue(string text)
        => Parse(Literals.Verbatim(text)).Should().Be(text);

    private static string Parse(string literal)
    {
        var expression = (LiteralExpressionSyntax)SyntaxFactory.ParseExpression(literal);
        expression.GetDiagnostics().Should().BeEmpty();
        return (string)expression.Token.Value!;
    }
}
