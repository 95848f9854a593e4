using Runtime.ExecutionContexts.Backends;
using Runtime.ExecutionContexts.Budgets;
using Runtime.ExecutionContexts.Tracing;

namespace Runtime.ExecutionContexts;

public sealed partial class ModelContext
{
    /// <summary>
    /// Runs <paramref name="request"/> on the backend for <paramref name="callerTenant"/>. Never throws for
    /// expected failures: refusals and backend failures come back as a <see cref="ContextResult"/>.
    /// </summary>
    /// <param name="request">The request; its <see cref="ModelRequest.MemoryBytes"/> is reserved for its duration.</param>
    /// <param name="callerTenant">The tenant asking; any other than <see cref="TenantId"/> is refused as forbidden.</param>
    /// <param name="cancellationToken">Cancels the backend call; a cancelled request is not a fault.</param>
    /// <remarks>
    /// Order of checks: tenant (forbidden, not counted), disposed, faulted (counted as a failure), budget
    /// (counted as a failure), then the backend. On a synchronous success the call allocates nothing.
    /// </remarks>
    public ValueTask<ContextResult> ExecuteAsync(ModelRequest request, string callerTenant, CancellationToken cancellationToken = default)
    {
        if (!IsOwnedBy(callerTenant))
        {
            return new(RefuseForeign(callerTenant));
        }

        var state = Volatile.Read(ref _state);
        if (state != (int)ContextState.Active)
        {
            return new(RefuseInactive(state));
        }

        _counters.Request();
        var admitted = Budget.TryBeginRequest(request.MemoryBytes);
        if (!admitted.IsGranted)
        {
            return new(RefuseOverBudget(admitted));
        }

        ValueTask<BackendResult> pending;
        try
        {
            pending = _backend.InvokeAsync(request, cancellationToken);
        }
        catch (Exception exception)
        {
            return new(Finish(request.MemoryBytes, exception, cancellationToken));
        }

        if (pending.IsCompletedSuccessfully)
        {
            return new(Finish(request.MemoryBytes, pending.Result));
        }

        return AwaitBackendAsync(pending, request.MemoryBytes, cancellationToken);
    }

    private async ValueTask<ContextResult> AwaitBackendAsync(ValueTask<BackendResult> pending, long memoryBytes, CancellationToken cancellationToken)
    {
        BackendResult result;
        try
        {
            result = await pending.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            return Finish(memoryBytes, exception, cancellationToken);
        }

        return Finish(memoryBytes, result);
    }

    private ContextResult Finish(long memoryBytes, BackendResult result)
    {
        Budget.EndRequest(memoryBytes);
        if (result.IsSuccess)
        {
            _counters.Success();
            if (_traceExecutions)
            {
                _trace.Record(TraceEventKind.Executed);
            }

            return ContextResult.Success(result.Output);
        }

        if (result.IsUnavailable)
        {
            _counters.Failure();
            _trace.Record(TraceEventKind.BackendUnavailable);
            return ContextResult.Refused(ContextOutcome.BackendUnavailable, $"{Id}: {result.Error}");
        }

        return FaultWith(result.Error ?? "backend failed", null);
    }

    private ContextResult Finish(long memoryBytes, Exception exception, CancellationToken cancellationToken)
    {
        Budget.EndRequest(memoryBytes);
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            _counters.Failure();
            return ContextResult.Refused(ContextOutcome.Canceled, $"{Id}: request cancelled by the caller");
        }

        return FaultWith(exception.Message, exception.GetType().Name);
    }

    private ContextResult FaultWith(string message, string? exceptionType)
    {
        _counters.Failure();
        if (TryFault(message, exceptionType, out var fault))
        {
            _trace.Record(TraceEventKind.Faulted);
            _factory.Metrics.Faulted(this);
            ContextLog.Faulted(_factory.Logger, Id, TenantId, ModelId, message);
            Parent?.OnChildFaulted(fault);
        }

        return ContextResult.Refused(ContextOutcome.BackendFailed, $"{Id} faulted: {message}");
    }

    private bool IsOwnedBy(string callerTenant) =>
        ReferenceEquals(callerTenant, TenantId) || string.Equals(callerTenant, TenantId, StringComparison.Ordinal);

    private ContextResult RefuseForeign(string? callerTenant)
    {
        _trace.Record(TraceEventKind.Forbidden);
        _factory.Metrics.Forbidden(this);
        return ContextResult.Refused(ContextOutcome.Forbidden, ForbiddenMessage(callerTenant));
    }

    private string ForbiddenMessage(string? callerTenant) =>
        $"tenant {callerTenant ?? "(none)"} may not use context {Id} of tenant {TenantId}";

    private ContextResult RefuseInactive(int state)
    {
        if (state == (int)ContextState.Disposed)
        {
            return ContextResult.Refused(ContextOutcome.Disposed, $"{Id} is disposed");
        }

        _counters.Request();
        _counters.Failure();
        _trace.Record(TraceEventKind.RefusedWhileFaulted);
        var fault = Fault;
        return ContextResult.Refused(ContextOutcome.ContextFaulted, $"{Id} is faulted ({fault?.Message ?? "backend failed"}) until reset");
    }

    private ContextResult RefuseOverBudget(BudgetResult refusal)
    {
        _counters.Failure();
        _trace.Record(TraceEventKind.BudgetExceeded, refusal.Requested);
        _factory.Metrics.BudgetExceeded(this);
        return ContextResult.OverBudget(refusal);
    }
}
