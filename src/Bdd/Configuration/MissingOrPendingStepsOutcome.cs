namespace Bdd.Configuration;

/// <summary>
/// What a scenario with a pending or undefined step becomes (reqnroll.json
/// <c>runtime.missingOrPendingStepsOutcome</c>). Default: <see cref="Inconclusive"/>, like Reqnroll.
/// </summary>
public enum MissingOrPendingStepsOutcome
{
    /// <summary>The test is reported as skipped (xUnit has no inconclusive outcome).</summary>
    Inconclusive,
    /// <summary>The test is reported as skipped.</summary>
    Ignore,
    /// <summary>The test fails.</summary>
    Error,
}
