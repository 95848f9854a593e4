using Bdd.Events;
using Bdd.Execution;
using Bdd.Tests.Events;
using Bdd.Tests.Support;

namespace Bdd.Tests.Formatters;

[Binding]
public sealed class ReportSteps(IReqnrollOutputHelper output)
{
    [Given("a pool named {string}")]
    public void Pool(string name) => output.WriteLine("pool " + name);

    [Given("the pool configuration:")]
    public void Configuration(string text) => output.WriteLine(text);

    [Given("the pools:")]
    public void Pools(DataTable table) => output.WriteLine($"{table.RowCount} pools");

    [When("the pool logs {string}")]
    public void Logs(string message) => output.WriteLine(message);

    [When("the pool attaches its log file")]
    public void AttachFile() => output.AddAttachment(ReportRun.AttachmentPath);

    [When("the pool fails with {string}")]
    public void Fails(string message) => throw new InvalidOperationException(message);

    [When("a step is still pending")]
    public void Pending() => throw new PendingStepException();

    [When("the pool has {int} leases")]
    public void Leases(int leases)
    {
        if (leases > 10)
            throw new InvalidOperationException($"pool gpu-0 cannot hold {leases} leases");
    }

    [Then("the pool is ready")]
    public void Ready() { }

    [AfterScenario]
    public void After() { }
}

/// <summary>Runs one feature with every outcome through the real runner and records its events.</summary>
public static class ReportRun
{
    public const string Uri = "features/supervision/pool-reports.feature";

    private static readonly Lazy<string> Attachment = new(() =>
    {
        var path = Path.Combine(TempDirectory(), "engine.log");
        File.WriteAllText(path, "engine log line");
        return path;
    });

    /// <summary>A file the "attaches its log file" step attaches (written once).</summary>
    public static string AttachmentPath => Attachment.Value;

    public const string Feature = """
        @reports
        Feature: Pool reports
          Pools serve models to tenants.

          Background:
            Given a pool named "gpu-0"

          Rule: A draining pool refuses new leases
            Drain lets running leases finish.

            @drain
            Scenario: A drained pool is ready
              When the pool logs "drained <gpu-0>"
              And the pool attaches its log file
              Then the pool is ready

            Scenario: A draining pool refuses a lease
              When the pool fails with "pool gpu-0 is draining </script>"
              Then the pool is ready

          Scenario: Restart storms are still being specified
            When a step is still pending
            Then the pool is ready

          Scenario: Nobody wrote the step yet
            When nobody implemented this step
            Then the pool is ready

          @capacity
          Scenario Outline: A pool holds a bounded number of leases
            Given the pools:
              | pool  | model      |
              | gpu-0 | llama-7b-v1 |
            And the pool configuration:
              ```
              max-leases: 10
              ```
            When the pool has <leases> leases
            Then the pool is ready

            Examples:
              | description | leases |
              | within      | 2      |
              | beyond      | 99     |
        """;

    /// <summary>The events of running every scenario of <see cref="Feature"/>, then AfterTestRun.</summary>
    public static async Task<IReadOnlyList<RunEvent>> EventsAsync()
    {
        var runner = FeatureRun.Runner(null, typeof(ReportSteps));
        var recorder = new RecordingListener();
        runner.AddListener(recorder);
        await runner.BeforeTestRunAsync();
        await FeatureRun.AllAsync(runner, Feature, Uri);
        await runner.AfterTestRunAsync();
        return [.. recorder.Events];
    }

    /// <summary>Feeds <paramref name="events"/> to <paramref name="listener"/> in order.</summary>
    public static void Replay(IRunEventListener listener, IEnumerable<RunEvent> events)
    {
        foreach (var runEvent in events)
            listener.OnEvent(runEvent);
    }

    /// <summary>A fresh temporary folder.</summary>
    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "bdd-formatters-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
