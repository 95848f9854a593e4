using Reqnroll;

namespace Steps.Time;

/// <summary>"When 300 seconds pass": the only way time moves in a scenario.</summary>
[Binding]
public sealed class ClockSteps(ScenarioClock clock)
{
    [When("{int} second(s) pass(es)")]
    [Given("{int} second(s) passed")]
    public void SecondsPass(int seconds) => clock.Pass(TimeSpan.FromSeconds(seconds));

    [When("{int} minute(s) pass(es)")]
    [Given("{int} minute(s) passed")]
    public void MinutesPass(int minutes) => clock.Pass(TimeSpan.FromMinutes(minutes));

    [When("{int} millisecond(s) pass(es)")]
    public void MillisecondsPass(int milliseconds) => clock.Pass(TimeSpan.FromMilliseconds(milliseconds));
}
