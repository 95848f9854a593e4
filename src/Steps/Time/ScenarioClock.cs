using Microsoft.Extensions.Time.Testing;

namespace Steps.Time;

/// <summary>
/// The scenario's clock: one <see cref="FakeTimeProvider"/> per scenario, shared by every binding class and driver
/// through context injection. Nothing in a scenario waits for real time.
/// </summary>
public sealed class ScenarioClock
{
    /// <summary>Where every scenario's clock starts: 2026-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The clock every runtime object of the scenario is built with.</summary>
    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>Moves the clock forward, firing every timer that falls due on the way.</summary>
    public void Pass(TimeSpan duration) => Time.Advance(duration);
}
