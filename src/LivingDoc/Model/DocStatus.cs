namespace LivingDoc.Model;

/// <summary>A scenario's (pickle's) outcome in the living documentation; <see cref="NotRun"/> when the run has no result for it.</summary>
internal enum DocStatus
{
    Passed,
    Failed,
    Pending,
    Undefined,
    Ambiguous,
    Skipped,
    NotRun,
}
