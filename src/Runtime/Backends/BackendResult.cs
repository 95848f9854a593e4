namespace Runtime.Backends;

/// <summary>
/// What a backend answered: an output, or an error message. A struct so that a backend completing
/// synchronously allocates nothing.
/// </summary>
public readonly struct BackendResult
{
    private BackendResult(bool isSuccess, string? output, string? error)
    {
        IsSuccess = isSuccess;
        Output = output;
        Error = error;
    }

    /// <summary>True when the backend produced an output.</summary>
    public bool IsSuccess { get; }

    /// <summary>The output; null on failure (and may be null on success).</summary>
    public string? Output { get; }

    /// <summary>The error message; null on success.</summary>
    public string? Error { get; }

    /// <summary>A successful answer.</summary>
    public static BackendResult Success(string? output = null) => new(true, output, null);

    /// <summary>A failed answer with a message (never empty: a blank message becomes "backend failed").</summary>
    public static BackendResult Failure(string error) => new(false, null, string.IsNullOrWhiteSpace(error) ? "backend failed" : error);

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? $"success: {Output}" : $"failure: {Error}";
}
