namespace Bdd.Generator.Model
{
    /// <summary>
    /// A problem in reqnroll.json, reported as error BDD0002: the file path, the character span and its 0-based
    /// start and end line/column (as Roslyn's LinePositionSpan), and the message (which already names the file).
    /// Value-equatable so the diagnostics node of the pipeline is cached while the file is unchanged.
    /// </summary>
    internal sealed record ConfigDiagnostic(
        string FilePath,
        int SpanStart,
        int SpanLength,
        int StartLine,
        int StartColumn,
        int EndLine,
        int EndColumn,
        string Message);

    /// <summary>What reading reqnroll.json yields: the settings (defaults or what was read) and its problems.</summary>
    internal sealed record ReqnrollReadResult(ReqnrollSettings Settings, EquatableArray<ConfigDiagnostic> Diagnostics);
}
