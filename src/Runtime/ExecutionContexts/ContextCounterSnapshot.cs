namespace Runtime.ExecutionContexts;

/// <summary>A context's counters at one moment; exact once no request is in flight.</summary>
/// <param name="Requests">Requests received from the owning tenant (other tenants' refused attempts never count).</param>
/// <param name="Successes">Requests that succeeded.</param>
/// <param name="Failures">Requests refused (budget, faulted) or failed (backend); <c>Requests == Successes + Failures</c> when quiet.</param>
/// <param name="BytesInUse">Memory in use in the context's budget, in bytes (children included).</param>
/// <param name="PeakBytes">The most memory ever in use at once, in bytes.</param>
public readonly record struct ContextCounterSnapshot(long Requests, long Successes, long Failures, long BytesInUse, long PeakBytes);
