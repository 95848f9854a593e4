namespace Runtime.Supervision.Reload;

/// <summary>
/// Puts model files in place for an engine: <see cref="StageAsync"/> before a reload starts the new
/// engine, <see cref="RestoreAsync"/> when a reload rolls back. Implementations throw to report a failure.
/// </summary>
public interface IModelProvisioner
{
    /// <summary>Stages <paramref name="model"/> for pool <paramref name="poolId"/>.</summary>
    Task StageAsync(string poolId, string model, CancellationToken cancellationToken = default);

    /// <summary>Restores <paramref name="model"/> (the one served before the reload) for pool <paramref name="poolId"/>.</summary>
    Task RestoreAsync(string poolId, string model, CancellationToken cancellationToken = default);
}

/// <summary>A provisioner with nothing to do (models are already on disk). The default.</summary>
public sealed class NoModelProvisioner : IModelProvisioner
{
    /// <inheritdoc />
    public Task StageAsync(string poolId, string model, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task RestoreAsync(string poolId, string model, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
