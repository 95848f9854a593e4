using System.Reflection;
using Xunit.Sdk;

namespace Bdd.xUnit;

/// <summary>
/// One Examples row of a Scenario Outline test (<see cref="ScenarioTheoryAttribute"/>). The test method receives
/// <see cref="ExampleRowLine"/> (the row's 1-based line in the feature file) as its only argument.
/// <see cref="Categories"/> are the row's own traits (the tags of its Examples block, without '@'), added to the
/// method's and class's traits for this row only; <see cref="DataAttribute.Skip"/> skips this row only.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ScenarioRowAttribute : DataAttribute
{
    /// <summary>A row on <paramref name="exampleRowLine"/> shown as <paramref name="displayName"/>.</summary>
    public ScenarioRowAttribute(int exampleRowLine, string displayName, params string[] categories)
    {
        ExampleRowLine = exampleRowLine;
        DisplayName = displayName;
        Categories = categories ?? [];
    }

    /// <summary>The row's 1-based line in the feature file.</summary>
    public int ExampleRowLine { get; }

    /// <summary>The test's display name: the scenario title and the row's values.</summary>
    public string DisplayName { get; }

    /// <summary>Category trait values of this row only (the Examples block's tags without '@').</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[ExampleRowLine]];
}
