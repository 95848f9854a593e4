namespace FeatureXunit;

/// <summary>
/// A scenario failed at a step. The message is the feature file, the step's line and the step
/// (<c>features/supervision/drain.feature:18: Then pool gpu-0 is ready</c>), then the step's own message in full; the
/// stack trace is the step's, trimmed to the project's frames (no frame of the runtime, Reqnroll, xUnit, FluentAssertions
/// or this integration), so that a failure reads as one message and one short stack, not the framework's stack
/// printed for each wrapping exception. The step's exception itself is <see cref="StepError"/>.
/// </summary>
public sealed class ScenarioStepException : Exception
{
    private static readonly string[] FrameworkPrefixes =
        ["System.", "Microsoft.", "Reqnroll.", "Xunit.", "FluentAssertions.", "FeatureXunit.", "Castle.", "BoDi.", "Gherkin.", "Cucumber."];

    private readonly string _stackTrace;

    /// <param name="location">The failing step: <c>file:line: keyword text</c>.</param>
    /// <param name="stepError">The step's exception.</param>
    public ScenarioStepException(string location, Exception stepError)
        : base(location + Environment.NewLine + (stepError ?? throw new ArgumentNullException(nameof(stepError))).Message)
    {
        Location = location;
        StepError = stepError;
        _stackTrace = ProjectFrames(stepError.StackTrace);
    }

    /// <summary>The failing step: <c>file:line: keyword text</c>.</summary>
    public string Location { get; }

    /// <summary>The step's own exception, with its whole stack.</summary>
    public Exception StepError { get; }

    /// <inheritdoc />
    public override string StackTrace => _stackTrace;

    /// <summary>The frames of <paramref name="stackTrace"/> in the project's own code.</summary>
    internal static string ProjectFrames(string? stackTrace) => string.Join(Environment.NewLine,
        (stackTrace ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(frame => frame.StartsWith("at ", StringComparison.Ordinal)
                && !FrameworkPrefixes.Any(prefix => frame.AsSpan(3).StartsWith(prefix, StringComparison.Ordinal)))
            .Select(frame => "   " + frame));
}
