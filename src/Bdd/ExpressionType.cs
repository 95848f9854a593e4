namespace Bdd;

/// <summary>How a step definition's expression string is read.</summary>
public enum ExpressionType
{
    /// <summary>Decided from the text (see <see cref="StepDefinitionBaseAttribute"/>).</summary>
    Unspecified,
    /// <summary>A Cucumber Expression ({int}, {string}, optional text, alternatives).</summary>
    CucumberExpression,
    /// <summary>A .NET regular expression matched against the whole step text.</summary>
    RegularExpression,
}
