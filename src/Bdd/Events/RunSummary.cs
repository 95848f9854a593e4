using Bdd.Execution;

namespace Bdd.Events;

/// <summary>A listener counting finished scenarios and steps by status. Thread-safe.</summary>
public sealed class RunSummary : IRunEventListener
{
    private readonly int[] _scenarios = new int[Enum.GetValues<ScenarioStatus>().Length];
    private readonly int[] _steps = new int[Enum.GetValues<ScenarioStatus>().Length];
    private int _runsFinished;

    /// <summary>Scenarios finished with <paramref name="status"/>.</summary>
    public int Scenarios(ScenarioStatus status) => Volatile.Read(ref _scenarios[(int)status]);

    /// <summary>Pickle steps finished with <paramref name="status"/>.</summary>
    public int Steps(ScenarioStatus status) => Volatile.Read(ref _steps[(int)status]);

    /// <summary>All finished scenarios.</summary>
    public int TotalScenarios => Enum.GetValues<ScenarioStatus>().Sum(Scenarios);

    /// <summary>How many TestRunFinished events were seen (0 or 1 for one runner).</summary>
    public int RunsFinished => Volatile.Read(ref _runsFinished);

    /// <inheritdoc />
    public void OnEvent(RunEvent runEvent)
    {
        switch (runEvent)
        {
            case TestCaseFinished finished:
                Interlocked.Increment(ref _scenarios[(int)finished.Result.Status]);
                foreach (var step in finished.Result.Steps)
                    Interlocked.Increment(ref _steps[(int)step.Status]);
                break;
            case TestRunFinished:
                Interlocked.Increment(ref _runsFinished);
                break;
        }
    }

    /// <summary>"12 passed, 1 failed, 2 skipped..." (non-zero counts only).</summary>
    public override string ToString()
        => string.Join(", ", Enum.GetValues<ScenarioStatus>().Where(s => Scenarios(s) > 0).Select(s => $"{Scenarios(s)} {s.ToString().ToLowerInvariant()}"));
}
