namespace Bdd.Expressions;

/// <summary>
/// A Cucumber Expression parameter type: its name as written between braces, the regular expression of
/// the text it matches (without capturing groups of its own) and an optional pre-conversion of the
/// matched text ({string} strips its quotes).
/// </summary>
internal sealed class ParameterType(string name, string regex, Func<string, string>? prepare = null)
{
    public string Name { get; } = name;

    public string Regex { get; } = regex;

    /// <summary>Applied to the matched text before conversion; null keeps it.</summary>
    public Func<string, string>? Prepare { get; } = prepare;
}
