using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using FluentAssertions;
using Runtime.ExecutionContexts.Backends;
using Runtime.ExecutionContexts;
using Xunit;
using Runtime.Common.Telemetry;

namespace Runtime.Tests.ExecutionContexts;

public sealed class ContextMetricsTests : IDisposable
{
    private const string Tenant = "metrics-tenant";
    private readonly ContextTestKit _kit = new();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _counts = new();
    private readonly ConcurrentDictionary<string, string?> _descriptions = new();
    private readonly ConcurrentDictionary<string, object?> _models = new();

    public ContextMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TelemetryNames.Meter)
            {
                _descriptions[instrument.Name] = instrument.Description;
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == TelemetryNames.TenantTag && Equals(tag.Value, Tenant))
                {
                    _counts.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
                    foreach (var other in tags)
                    {
                        if (other.Key == TelemetryNames.ModelTag)
                        {
                            _models[instrument.Name] = other.Value;
                        }
                    }
                }
            }
        });
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _kit.Dispose();
    }

    [Fact]
    public async Task Counters_UnhappyPaths_AreCountedUnderStableNames()
    {
        var backend = new ScriptedBackend(_kit.Time).FailNextCall("boom");
        var context = _kit.Create(Tenant, memory: 1024, backend: backend);

        await context.ExecuteAsync(new ModelRequest("x", 2048), Tenant);
        await context.ExecuteAsync(new ModelRequest("x"), Tenant);
        await context.ExecuteAsync(new ModelRequest("x"), "globex");

        _counts.Should().Contain("runtime.context.budget_refusals", 1).And.Contain("runtime.context.faults", 1).And.Contain("runtime.context.forbidden_attempts", 1);
        _models.Values.Should().HaveCount(3).And.AllBeEquivalentTo(context.ModelId, "each count is tagged with the model too");
        _descriptions.Should().Contain(new Dictionary<string, string?>
        {
            ["runtime.context.faults"] = "Backend failures contained by a context.",
            ["runtime.context.budget_refusals"] = "Requests and allocations refused by a context's budget.",
            ["runtime.context.forbidden_attempts"] = "Attempts by another tenant to use or read a context.",
        });
    }

    [Fact]
    public void Counters_AnAllocationOverBudgetAndAForeignRead_AreCountedToo()
    {
        var context = _kit.Create(Tenant, memory: 1024);

        context.Allocate(2048, Tenant).Outcome.Should().Be(ContextOutcome.BudgetExceeded);
        context.ReadCounters("globex").Outcome.Should().Be(ContextOutcome.Forbidden);
        context.ReadTrace("globex").Outcome.Should().Be(ContextOutcome.Forbidden);

        _counts.Should().Contain("runtime.context.budget_refusals", 1, "an allocation refused by the budget is a budget refusal")
            .And.Contain("runtime.context.forbidden_attempts", 2, "reading another tenant's counters or trace is a forbidden attempt");
    }
}
