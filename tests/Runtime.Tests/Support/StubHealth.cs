using Runtime.Supervision.Engines;

namespace Runtime.Tests.Support;

/// <summary>
/// Waits (bounded) until the engine stub has applied a "hang" or "healthy" command, which it does asynchronously: probes
/// its endpoint until the answer changes.
/// </summary>
internal static class StubHealth
{
    /// <summary>Probes until a probe no longer gets an answer (at most 50 probes of 300 ms).</summary>
    public static async Task UntilHung(Uri endpoint)
    {
        using var probe = new HealthProbe(TimeSpan.FromMilliseconds(300));
        for (var attempt = 0; attempt < 50 && (await probe.ProbeAsync(endpoint)).Healthy; attempt++)
        {
        }
    }

    /// <summary>Probes until the stub answers 200 (at most 200 probes).</summary>
    public static async Task UntilHealthy(Uri endpoint)
    {
        using var probe = new HealthProbe(TimeSpan.FromSeconds(5));
        for (var attempt = 0; attempt < 200 && !(await probe.ProbeAsync(endpoint)).Healthy; attempt++)
        {
        }
    }
}
