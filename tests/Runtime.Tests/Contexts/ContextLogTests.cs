using FluentAssertions;
using Microsoft.Extensions.Logging;
using Runtime.Backends;
using Runtime.Budgets;
using Runtime.Contexts;
using Microsoft.Extensions.Time.Testing;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Contexts;

public sealed class ContextLogTests
{
    [Fact]
    public async Task Logger_FaultResetAndTenantLimit_AreStructuredEventsWithStableNames()
    {
        var logger = new EventNameLogger();
        var time = TestClock.New();
        using var factory = new ContextFactory(new ContextFactoryOptions { MaxContextsPerTenant = 1 }, time: time, logger: logger);
        var context = factory.Create("llama-7b-v1", "acme", new BudgetLimits(1024), new ScriptedBackend(time).FailNextCall("boom")).Context!;

        await context.ExecuteAsync(new ModelRequest("x"), "acme");
        context.Reset();
        factory.Create("mistral-7b", "acme", new BudgetLimits(1024), NoOpBackend.Instance);

        logger.Events.Should().Equal(
            ("context_faulted", LogLevel.Warning, "Context acme/llama-7b-v1#1 of tenant acme (model llama-7b-v1) faulted: boom"),
            ("context_reset", LogLevel.Information, "Context acme/llama-7b-v1#1 reset after fault: boom"),
            ("tenant_limit_reached", LogLevel.Warning, "Tenant acme refused a new context: limit of 1 live contexts reached"));
    }

    private sealed class EventNameLogger : ILogger
    {
        public List<(string? Name, LogLevel Level, string Message)> Events { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Events.Add((eventId.Name, logLevel, formatter(state, exception)));
    }
}
