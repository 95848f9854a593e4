namespace Bdd.Generator.Model
{
    /// <summary>
    /// Everything the generator emits for one feature file, value-equatable so an unchanged file's output is
    /// reused. <see cref="Tags"/> decide the serial collection. <see cref="NamespaceSegments"/> are the sanitized folders below <c>features/</c> (the root
    /// namespace comes from the settings). <see cref="ClassName"/> is before de-duplication. A file with parse
    /// errors has <see cref="Errors"/> and no scenarios; a file holding no feature has <see cref="HasFeature"/> false.
    /// </summary>
    internal sealed record FeatureModel(
        string FilePath,
        string Uri,
        EquatableArray<string> NamespaceSegments,
        string ClassName,
        string Title,
        EquatableArray<string> Tags,
        string Text,
        EquatableArray<ScenarioModel> Scenarios,
        EquatableArray<DiagnosticModel> Errors,
        bool HasFeature)
    {
        public string NamespaceKey => string.Join(".", NamespaceSegments);
    }

    /// <summary>
    /// One test method: the scenario whose keyword is on <see cref="Line"/>; an outline's method takes the line of an
    /// Examples row. Display names, traits and skip reasons are read from the feature at discovery, not generated.
    /// </summary>
    internal sealed record ScenarioModel(string MethodName, int Line, bool IsOutline);

    /// <summary>A parse error located in the feature file (1-based line and column, character span in the text).</summary>
    internal sealed record DiagnosticModel(string FilePath, int Line, int Column, int SpanStart, int SpanLength, string Message);
}
