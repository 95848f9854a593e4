using System.Diagnostics.Metrics;
using Runtime.Common.Telemetry;

namespace Runtime.ExecutionContexts;

/// <summary>
/// A factory's counters of the unhappy paths on the <see cref="TelemetryNames.Meter"/> meter, tagged with the tenant
/// and the model: <see cref="TelemetryNames.ContextFaults"/>, <see cref="TelemetryNames.ContextBudgetRefusals"/> and
/// <see cref="TelemetryNames.ContextForbiddenAttempts"/>. The success path records nothing here (see the context's
/// counters and trace). The meter comes from the factory's <see cref="IMeterFactory"/>; without one it is private.
/// </summary>
internal sealed class ContextMetrics : IDisposable
{
    private readonly RuntimeMeter _meter;
    private readonly Counter<long> _faults;
    private readonly Counter<long> _budgetRefusals;
    private readonly Counter<long> _forbiddenAttempts;

    public ContextMetrics(IMeterFactory? factory)
    {
        _meter = new RuntimeMeter(factory);
        _faults = _meter.Meter.CreateCounter<long>(TelemetryNames.ContextFaults, "{fault}", "Backend failures contained by a context.");
        _budgetRefusals = _meter.Meter.CreateCounter<long>(TelemetryNames.ContextBudgetRefusals, "{refusal}", "Requests and allocations refused by a context's budget.");
        _forbiddenAttempts = _meter.Meter.CreateCounter<long>(TelemetryNames.ContextForbiddenAttempts, "{attempt}", "Attempts by another tenant to use or read a context.");
    }

    public void Faulted(ModelContext context) => Add(_faults, context);

    public void BudgetExceeded(ModelContext context) => Add(_budgetRefusals, context);

    public void Forbidden(ModelContext context) => Add(_forbiddenAttempts, context);

    public void Dispose()
    {
        _meter.Dispose();
    }

    private static void Add(Counter<long> counter, ModelContext context)
    {
        if (counter.Enabled)
        {
            counter.Add(1, new KeyValuePair<string, object?>(TelemetryNames.TenantTag, context.TenantId), new KeyValuePair<string, object?>(TelemetryNames.ModelTag, context.ModelId));
        }
    }
}
