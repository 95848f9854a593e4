using Bdd.Execution;
using Bdd.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Execution;

public sealed class Journal(IReqnrollOutputHelper output) : IDisposable
{
    public List<string> Entries { get; } = [];

    public void Dispose() => output.WriteLine("dispose: journal");
}

public sealed class PoolDriver(Journal journal) : IAsyncDisposable
{
    public Journal Journal { get; } = journal;

    public ValueTask DisposeAsync()
    {
        Journal.Entries.Add("driver disposed");
        return ValueTask.CompletedTask;
    }
}

[Binding]
public sealed class WritingSteps(PoolDriver driver, Journal journal, ScenarioContext scenario, FeatureContext feature)
{
    [Given("the driver records {string}")]
    public void Record(string entry)
    {
        driver.Journal.Should().BeSameAs(journal);
        driver.Journal.Entries.Add(entry);
        scenario["last"] = entry;
        feature.FeatureInfo.Title.Should().Be("Injection");
    }
}

[Binding]
public sealed class ReadingSteps(Journal journal, ScenarioContext scenario, ScenarioInfo info, IReqnrollOutputHelper output)
{
    [Then("the journal holds {string}")]
    public void Holds(string entries)
    {
        string.Join(",", journal.Entries).Should().Be(entries);
        scenario["last"].Should().Be(journal.Entries[^1]);
        info.Should().BeSameAs(scenario.ScenarioInfo);
        output.WriteLine("checked: " + entries);
    }

    [Then("the scenario info is")]
    public void Info(DataTable expected)
    {
        var row = expected.Rows[0];
        info.Title.Should().Be(row["title"]);
        string.Join(",", info.Tags).Should().Be(row["tags"]);
        string.Join(",", info.CombinedTags).Should().Be(row["combined"]);
        string.Join(",", info.Arguments.Keys.Cast<string>().Select(k => k + "=" + info.Arguments[k])).Should().Be(row["arguments"]);
    }
}

public interface IEngineClient
{
    string Name { get; }
}

public sealed class FakeEngineClient : IEngineClient
{
    public string Name => "fake engine";
}

[Binding]
public sealed class RegisteringHooks(Bdd.BoDi.IObjectContainer container)
{
    [BeforeScenario]
    public void Register() => container.RegisterInstanceAs<IEngineClient>(new FakeEngineClient());
}

[Binding]
public sealed class ClientSteps(IEngineClient client, IReqnrollOutputHelper output)
{
    [When("the client is used")]
    public void Use() => output.WriteLine("client: " + client.Name);
}

public class ContextInjectionTests
{
    [Fact]
    public async Task RunScenarioAsync_InstanceRegisteredByABeforeScenarioHook_IsInjectedIntoSteps()
    {
        var (result, output) = await FeatureRun.OneAsync("Feature: Injection\n  Scenario: Registered\n    When the client is used\n", typeof(RegisteringHooks), typeof(ClientSteps));
        result.Status.Should().Be(ScenarioStatus.Passed, result.Message);
        output.Lines.Should().Contain("client: fake engine");
    }

    [Fact]
    public async Task RunScenarioAsync_UnregisteredInterface_FailsNamingIt()
    {
        var (result, _) = await FeatureRun.OneAsync("Feature: Injection\n  Scenario: Not registered\n    When the client is used\n", typeof(ClientSteps));
        result.Status.Should().Be(ScenarioStatus.Failed);
        result.Message.Should().Contain("IEngineClient").And.Contain("RegisterInstanceAs");
    }

    [Fact]
    public async Task RunScenarioAsync_BindingClasses_ShareInjectedObjectsWithinAScenarioOnly()
    {
        var results = await FeatureRun.AllAsync("""
            Feature: Injection
              Scenario: First
                Given the driver records "a"
                And the driver records "b"
                Then the journal holds "a,b"
              Scenario: Second starts fresh
                Given the driver records "c"
                Then the journal holds "c"
            """, typeof(WritingSteps), typeof(ReadingSteps));
        results.Should().OnlyContain(r => r.Result.Status == ScenarioStatus.Passed, string.Join("\n", results.Select(r => r.Result.Message)));
    }

    [Fact]
    public async Task RunScenarioAsync_DisposableObjects_AreDisposedAfterTheScenarioInReverseCreationOrder()
    {
        var (result, output) = await FeatureRun.OneAsync("""
            Feature: Injection
              Scenario: Disposal
                Given the driver records "a"
            """, typeof(WritingSteps), typeof(ReadingSteps));
        result.Status.Should().Be(ScenarioStatus.Passed, result.Message);
        output.Lines[^1].Should().Be("dispose: journal");
    }

    [Fact]
    public async Task RunScenarioAsync_DisposalOrder_DriverBeforeItsJournal()
    {
        var journal = default(Journal);
        var runner = FeatureRun.Runner(null, typeof(WritingSteps), typeof(CapturingHook));
        CapturingHook.Captured.Value = j => journal = j;
        var (result, _) = await FeatureRun.OneAsync(runner, "Feature: Injection\n  Scenario: S\n    Given the driver records \"x\"\n");
        result.Status.Should().Be(ScenarioStatus.Passed, result.Message);
        journal!.Entries.Should().Equal("x", "driver disposed");
    }

    [Fact]
    public async Task ScenarioInfo_OutlineRow_ExposesArgumentsAndTags()
    {
        var results = await FeatureRun.AllAsync("""
            @supervision
            Feature: Injection
              @leases
              Rule: Leases
                @outline
                Scenario Outline: Pool <pool>
                  Then the scenario info is
                    | title       | tags           | combined                         | arguments               |
                    | Pool <pool> | outline,small  | supervision,leases,outline,small | pool=<pool>,size=<size> |
                  @small
                  Examples:
                    | pool  | size |
                    | gpu-0 | 4    |
                    | gpu-1 | 2    |
            """, typeof(ReadingSteps));
        results.Should().HaveCount(2);
        results.Should().OnlyContain(r => r.Result.Status == ScenarioStatus.Passed, string.Join("\n", results.Select(r => r.Result.Message)));
    }
}

[Binding]
public sealed class CapturingHook(Journal journal)
{
    public static readonly AsyncLocal<Action<Journal>?> Captured = new();

    [BeforeScenario]
    public void Capture() => Captured.Value?.Invoke(journal);
}
