using Reqnroll;

namespace Sample;

/// <summary>
/// Two scenarios of one feature that pass only side by side: each says it has arrived, then waits for the other. Run
/// one after the other, the first waits in vain and fails at the bound (a hang detector: side by side, the wait ends as
/// soon as the second begins).
/// </summary>
[Binding]
public sealed class MeetingSteps
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private static readonly TaskCompletionSource[] Arrived = [new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously)];

    [When("scenario {int} of 2 meets the other")]
    public async Task Meets(int scenario)
    {
        Arrived[scenario - 1].TrySetResult();
        await Arrived[2 - scenario].Task.WaitAsync(Bound);
    }
}
