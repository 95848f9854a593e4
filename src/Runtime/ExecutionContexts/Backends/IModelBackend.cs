namespace Runtime.ExecutionContexts.Backends;

/// <summary>
/// What actually runs a model: an engine process, a pooled lease, a scripted stand-in. A context calls
/// it once per admitted request.
/// </summary>
/// <remarks>
/// Implementations report failures as <see cref="BackendResult.Failure"/> or by throwing; the calling
/// context contains both. A backend completing synchronously should return a completed
/// <see cref="ValueTask{TResult}"/> so that the success path allocates nothing.
/// </remarks>
public interface IModelBackend
{
    /// <summary>Runs <paramref name="request"/>.</summary>
    ValueTask<BackendResult> InvokeAsync(ModelRequest request, CancellationToken cancellationToken);
}
