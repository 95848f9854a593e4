using Reqnroll;
using Steps.Assertions;
using Xunit;

namespace Sample;

/// <summary>The sample's only context: a counter per scenario.</summary>
public sealed class Counter
{
    public int Value { get; set; }
}

[Binding]
public sealed class CounterSteps(Counter counter, IReqnrollOutputHelper output)
{
    [Given("a counter at {int}")]
    public void At(int value) => counter.Value = value;

    [Given("the counter is increased by {int}")]
    [When("the counter is increased by {int}")]
    public void Increase(int by) => counter.Value += by;

    [Then("the counter reads {int}")]
    public void Reads(int expected) => Assert.Equal(expected, counter.Value);

    [Then("the counter's label reads {string}")]
    public void LabelReads(string expected) =>
        $"counter main stands at {counter.Value} and was last changed by the increase step of this scenario".ShouldRead(expected, "the label names the count");

    [When("the counter is audited")]
    public void Audited() => throw new PendingStepException();

    [Then("the output says {string}")]
    public void Says(string text) => output.WriteLine(text);
}

[Binding]
public static class RunHooks
{
    [BeforeTestRun]
    public static void Start() => Mark("before-test-run");

    [AfterTestRun]
    public static void End() => Mark("after-test-run");

    private static void Mark(string what)
    {
        if (Environment.GetEnvironmentVariable("SAMPLE_HOOK_LOG") is { Length: > 0 } log)
        {
            File.AppendAllText(log, what + Environment.NewLine);
        }
    }
}
