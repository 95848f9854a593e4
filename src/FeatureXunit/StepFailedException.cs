namespace FeatureXunit;

/// <summary>
/// A step's exception as the reports get it. Reqnroll builds a failed step's Cucumber message (<c>testStepResult.message</c>
/// and <c>.exception</c>, which the HTML report and the living documentation show) from the exception the step threw, so
/// <see cref="StepLocationBindingInvoker"/> rethrows it as this one: the message is the feature file, the step's line and
/// the step (<c>features/supervision/drain.feature:18: Then pool gpu-0 is ready</c>), then the step's exception type and
/// its full message; the stack trace is the step's, trimmed to the project's frames. The step's own exception is the
/// <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class StepFailedException : Exception
{
    private readonly string _stackTrace;

    /// <param name="location">The failing step: <c>file:line: keyword text</c>.</param>
    /// <param name="stepError">The step's exception.</param>
    public StepFailedException(string location, Exception stepError)
        : base(location + Environment.NewLine + Describe(stepError), stepError)
    {
        _stackTrace = ScenarioStepException.ProjectFrames(stepError.StackTrace);
    }

    /// <inheritdoc />
    public override string StackTrace => _stackTrace;

    private static string Describe(Exception stepError) =>
        (stepError ?? throw new ArgumentNullException(nameof(stepError))).GetType().Name + ": " + stepError.Message;
}
