namespace Runtime.ExecutionContexts.Backends;

/// <summary>A backend that succeeds at once with no output and allocates nothing: the baseline of overhead measurements.</summary>
public sealed class NoOpBackend : IModelBackend
{
    /// <summary>The shared instance (stateless).</summary>
    public static readonly NoOpBackend Instance = new();

    /// <inheritdoc />
    public ValueTask<BackendResult> InvokeAsync(ModelRequest request, CancellationToken cancellationToken) =>
        new(BackendResult.Success());
}
