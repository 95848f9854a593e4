namespace Bdd;

/// <summary>The step being run: keyword type, keyword as written, text, data table or doc string.</summary>
public sealed class StepInfo
{
    /// <summary>Creates the info.</summary>
    public StepInfo(StepDefinitionType stepDefinitionType, string text, DataTable? table, string? multilineText)
    {
        StepDefinitionType = stepDefinitionType;
        Text = text;
        Table = table;
        MultilineText = multilineText;
    }

    /// <summary>Given, When or Then (And/But resolved to the previous step's type).</summary>
    public StepDefinitionType StepDefinitionType { get; }

    /// <summary>The step text without keyword.</summary>
    public string Text { get; }

    /// <summary>The data table argument, or null.</summary>
    public DataTable? Table { get; }

    /// <summary>The doc string argument, or null.</summary>
    public string? MultilineText { get; }

    /// <summary>The keyword as written, with its trailing space ("And ").</summary>
    public string Keyword { get; init; } = string.Empty;

    /// <summary>The 1-based line of the step in the feature file.</summary>
    public int Line { get; init; }
}
