namespace FeatureCodeBehind;

/// <summary>One Gherkin syntax error: 1-based line and column (0 when the parser gave none) and the parser's message.</summary>
internal sealed record FeatureSyntaxError(int Line, int Column, string Message);

/// <summary>A feature file that the Gherkin package cannot parse.</summary>
internal sealed class FeatureSyntaxException(IReadOnlyList<FeatureSyntaxError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => $"({e.Line},{e.Column}): {e.Message}")))
{
    /// <summary>Every error the parser reported, in order.</summary>
    public IReadOnlyList<FeatureSyntaxError> Errors { get; } = errors;
}
