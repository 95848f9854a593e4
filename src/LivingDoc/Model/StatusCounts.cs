namespace LivingDoc.Model;

/// <summary>
/// Scenario (pickle) counts as the pages show them: passed, failed (incl. ambiguous), pending (incl. undefined),
/// skipped, and not run (no result in this run, e.g. filtered out).
/// </summary>
internal sealed class StatusCounts
{
    public int Passed { get; private set; }

    public int Failed { get; private set; }

    public int Pending { get; private set; }

    public int Skipped { get; private set; }

    public int NotRun { get; private set; }

    public int Total => Passed + Failed + Pending + Skipped + NotRun;

    public void Add(DocStatus status)
    {
        switch (status)
        {
            case DocStatus.Passed: Passed++; break;
            case DocStatus.Failed or DocStatus.Ambiguous: Failed++; break;
            case DocStatus.Pending or DocStatus.Undefined: Pending++; break;
            case DocStatus.NotRun: NotRun++; break;
            default: Skipped++; break;
        }
    }
}
