using Runtime.Supervision.Engines;

namespace Runtime.Tests.Support;

/// <summary>
/// A health probe the test answers by hand: every probe waits until <see cref="Answer"/>, so a test can hold one in
/// flight while the clock ticks. An answer resumes the monitor synchronously, on the test's thread.
/// </summary>
internal sealed class HeldProbe
{
    private readonly List<(TaskCompletionSource<HealthProbeResult> Answer, CancellationToken Token)> _probes = [];

    /// <summary>Probes started so far.</summary>
    public int Started => _probes.Count;

    /// <summary>Probes started and not yet answered.</summary>
    public int InFlight => _probes.Count(p => !p.Answer.Task.IsCompleted);

    /// <summary>The cancellation token of the probe in flight (the latest one started).</summary>
    public CancellationToken LatestToken => _probes[^1].Token;

    /// <summary>The probe function the monitor calls.</summary>
    public Task<HealthProbeResult> ProbeAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<HealthProbeResult>();
        _probes.Add((answer, cancellationToken));
        return answer.Task;
    }

    /// <summary>
    /// Answers the oldest probe still in flight; the monitor hears the answer before this returns. The monitor awaits its
    /// probe with ConfigureAwait(false), whose continuation runs inline only where no synchronization context is
    /// current: xUnit's, current on the test's thread, would send it to the thread pool.
    /// </summary>
    public void Answer(HealthProbeResult result)
    {
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            _probes.First(p => !p.Answer.Task.IsCompleted).Answer.SetResult(result);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    /// <summary>A 200 answer.</summary>
    public static HealthProbeResult Healthy => new(true, 200, null);

    /// <summary>A 503 answer.</summary>
    public static HealthProbeResult Failing => new(false, 503, "HTTP 503");

    /// <summary>No answer within the probe's timeout.</summary>
    public static HealthProbeResult TimedOut => new(false, null, "timed out after 2000 ms");
}
