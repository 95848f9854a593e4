using Runtime.Time;

namespace Steps.Time;

/// <summary>
/// The scenario's clock: one manual <see cref="TimeProvider"/> per scenario, shared by every binding
/// class and driver through context injection. Nothing in a scenario waits for real time.
/// </summary>
public sealed class ScenarioClock
{
    /// <summary>The clock every runtime object of the scenario is built with.</summary>
    public ManualTimeProvider Time { get; } = new();

    /// <summary>Moves the clock forward, firing every timer that falls due on the way.</summary>
    public void Pass(TimeSpan duration) => Time.Advance(duration);
}
