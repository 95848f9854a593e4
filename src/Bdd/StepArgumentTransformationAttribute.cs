namespace Bdd;

/// <summary>
/// Marks a method converting step arguments (a string, or a <see cref="DataTable"/>) to its return type.
/// A transformation takes precedence over built-in conversion for its return type. With a
/// <see cref="Regex"/>, it applies only to arguments matching it (whole text) and receives the regex
/// groups as parameters. The return type's name (or <see cref="Name"/>) can be used as a Cucumber
/// Expression parameter type: <c>{Color}</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class StepArgumentTransformationAttribute : Attribute
{
    /// <summary>Applies to every argument converted to the return type.</summary>
    public StepArgumentTransformationAttribute() { }

    /// <summary>Applies to arguments matching <paramref name="regex"/>.</summary>
    public StepArgumentTransformationAttribute(string regex) => Regex = regex;

    /// <summary>Whole-text regular expression; null matches any text.</summary>
    public string? Regex { get; set; }

    /// <summary>The Cucumber Expression parameter type name; null uses the return type's name.</summary>
    public string? Name { get; set; }
}
