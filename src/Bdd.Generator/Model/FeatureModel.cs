namespace Bdd.Generator.Model
{
    /// <summary>
    /// Everything the generator emits for one feature file, value-equatable so an unchanged file's output is
    /// reused. <see cref="NamespaceSegments"/> are the sanitized folders below <c>features/</c> (the root
    /// namespace comes from the settings). <see cref="ClassName"/> is before de-duplication. A file with parse
    /// errors has <see cref="Errors"/> and no scenarios; a file holding no feature has <see cref="HasFeature"/> false.
    /// </summary>
    internal sealed record FeatureModel(
        string FilePath,
        string Uri,
        EquatableArray<string> NamespaceSegments,
        string ClassName,
        string Title,
        string Description,
        EquatableArray<string> Tags,
        string? SkipReason,
        string Text,
        EquatableArray<ScenarioModel> Scenarios,
        EquatableArray<DiagnosticModel> Errors,
        bool HasFeature)
    {
        public string NamespaceKey => string.Join(".", NamespaceSegments);
    }

    /// <summary>
    /// One test method: a plain scenario (no <see cref="Rows"/>) or an outline (one test case per row).
    /// <see cref="Categories"/> are the rule's and the scenario's tags not already on the feature.
    /// </summary>
    internal sealed record ScenarioModel(
        string MethodName,
        string DisplayName,
        int Line,
        EquatableArray<string> Categories,
        string? SkipReason,
        bool IsOutline,
        EquatableArray<RowModel> Rows);

    /// <summary>An outline's Examples body row: its line, display name, its Examples block's tags and skip reason.</summary>
    internal sealed record RowModel(int Line, string DisplayName, EquatableArray<string> Categories, string? SkipReason);

    /// <summary>A parse error located in the feature file (1-based line and column, character span in the text).</summary>
    internal sealed record DiagnosticModel(string FilePath, int Line, int Column, int SpanStart, int SpanLength, string Message);
}
