using FluentAssertions;
using Microsoft.Extensions.Logging;
using Runtime.ExecutionContexts.Backends;
using Runtime.ExecutionContexts.Budgets;
using Runtime.ExecutionContexts;
using Microsoft.Extensions.Time.Testing;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.ExecutionContexts;

public sealed class ContextLogTests
{
    [Fact]
    public async Task Logger_FaultResetAndTenantLimit_AreStructuredEventsWithStableNames()
    {
        var logs = new RecordingLogger();
        var time = TestClock.New();
        using var factory = new ContextFactory(new ContextFactoryOptions { MaxContextsPerTenant = 1 }, time: time, loggerFactory: logs);
        var context = factory.Create("llama-7b-v1", "acme", new BudgetLimits(1024), new ScriptedBackend(time).FailNextCall("boom")).Context!;

        await context.ExecuteAsync(new ModelRequest("x"), "acme");
        context.Reset();
        factory.Create("mistral-7b", "acme", new BudgetLimits(1024), NoOpBackend.Instance);

        logs.Entries.Select(e => (e.EventId.Name, e.Level, e.Message)).Should().Equal(
            ("context_faulted", LogLevel.Warning, "Context acme/llama-7b-v1#1 of tenant acme (model llama-7b-v1) faulted: boom"),
            ("context_reset", LogLevel.Information, "Context acme/llama-7b-v1#1 reset after fault: boom"),
            ("tenant_limit_reached", LogLevel.Warning, "Tenant acme refused a new context: limit of 1 live contexts reached"));
        logs.Entries.Should().OnlyContain(e => e.Category == "Runtime.ExecutionContexts.ContextFactory", "the factory logs under a category of its own");
    }
}
