using Bdd.Generator.Naming;
using FluentAssertions;
using Xunit;

namespace Bdd.Generator.Tests.Naming;

public class IdentifiersTests
{
    [Theory]
    [InlineData("Drain", "Drain")]
    [InlineData("Circuit breaker", "CircuitBreaker")]
    [InlineData("circuit-breaker", "CircuitBreaker")]
    [InlineData("  budget   allocation (v2)! ", "BudgetAllocationV2")]
    [InlineData("3 retries", "_3Retries")]
    [InlineData("Überwachung läuft", "ÜberwachungLäuft")]
    [InlineData("keep camelCase words", "KeepCamelCaseWords")]
    public void PascalCase_Title_IsValidIdentifier(string title, string expected)
        => Identifiers.PascalCase(title, "Fallback").Should().Be(expected);

    [Theory]
    [InlineData("")]
    [InlineData("!!! ???")]
    public void PascalCase_NoLettersOrDigits_ReturnsFallback(string title)
        => Identifiers.PascalCase(title, "Fallback").Should().Be("Fallback");

    [Fact]
    public void Unique_NameTaken_AppendsFirstFreeSuffix()
    {
        var taken = new HashSet<string> { "Drain", "Drain_2" };

        Identifiers.Unique("Drain", taken).Should().Be("Drain_3");
        taken.Should().Contain("Drain_3");
    }
}
