namespace Runtime.ExecutionContexts.Backends;

/// <summary>
/// What a backend answered: an output, an error (the model failed: the context faults), or unavailable
/// (the backend could not take the request, e.g. its pool is draining: refused, not a fault). A struct so
/// that a backend completing synchronously allocates nothing.
/// </summary>
public readonly struct BackendResult
{
    private BackendResult(bool isSuccess, bool isUnavailable, string? output, string? error)
    {
        IsSuccess = isSuccess;
        IsUnavailable = isUnavailable;
        Output = output;
        Error = error;
    }

    /// <summary>True when the backend produced an output.</summary>
    public bool IsSuccess { get; }

    /// <summary>True when the backend did not take the request at all (not a fault of the model).</summary>
    public bool IsUnavailable { get; }

    /// <summary>The output; null on failure (and may be null on success).</summary>
    public string? Output { get; }

    /// <summary>The error or unavailability message; null on success.</summary>
    public string? Error { get; }

    /// <summary>A successful answer.</summary>
    public static BackendResult Success(string? output = null) => new(true, false, output, null);

    /// <summary>A failed answer with a message (never empty: a blank message becomes "backend failed").</summary>
    public static BackendResult Failure(string error) => new(false, false, null, string.IsNullOrWhiteSpace(error) ? "backend failed" : error);

    /// <summary>The request was not taken (for example "pool gpu-0 is draining"); the context refuses it without faulting.</summary>
    public static BackendResult Unavailable(string reason) => new(false, true, null, string.IsNullOrWhiteSpace(reason) ? "backend unavailable" : reason);

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? $"success: {Output}" : IsUnavailable ? $"unavailable: {Error}" : $"failure: {Error}";
}
