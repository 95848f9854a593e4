using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Runtime.Supervision.Reload;

namespace Steps.Drivers;

/// <summary>
/// The model provisioner the reloads stage and restore models through: its real form (a model store) is out of reach, so
/// it is a substitute whose calls the scenario arranges and checks.
/// </summary>
public sealed class ProvisionerDouble
{
    private readonly TaskCompletionSource _stagingBegan = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The provisioner the reload coordinator is given.</summary>
    public IModelProvisioner Provisioner { get; } = Substitute.For<IModelProvisioner>();

    /// <summary>True when a staging is held (<see cref="HoldStaging"/>).</summary>
    public bool HoldsStaging { get; private set; }

    /// <summary>Completed once a staging held by <see cref="HoldStaging"/> has begun.</summary>
    public Task StagingBegan => _stagingBegan.Task;

    /// <summary>Staging <paramref name="model"/> fails with an I/O error saying <paramref name="error"/>.</summary>
    public void FailStaging(string model, string error) =>
        Provisioner.StageAsync(Arg.Any<string>(), model, Arg.Any<CancellationToken>()).ThrowsAsync(new IOException(error));

    /// <summary>Restoring <paramref name="model"/> fails with an I/O error saying <paramref name="error"/>.</summary>
    public void FailRestore(string model, string error) =>
        Provisioner.RestoreAsync(Arg.Any<string>(), model, Arg.Any<CancellationToken>()).ThrowsAsync(new IOException(error));

    /// <summary>Staging <paramref name="model"/> succeeds.</summary>
    public void StagingSucceeds(string model) =>
        Provisioner.StageAsync(Arg.Any<string>(), model, Arg.Any<CancellationToken>()).Returns(Task.CompletedTask);

    /// <summary>Restoring <paramref name="model"/> succeeds.</summary>
    public void RestoreSucceeds(string model) =>
        Provisioner.RestoreAsync(Arg.Any<string>(), model, Arg.Any<CancellationToken>()).Returns(Task.CompletedTask);

    /// <summary>Staging <paramref name="model"/> takes until the reload is given up (its cancellation), or for ever.</summary>
    public void HoldStaging(string model)
    {
        HoldsStaging = true;
        Provisioner.StageAsync(Arg.Any<string>(), model, Arg.Any<CancellationToken>()).Returns(call =>
        {
            _stagingBegan.TrySetResult();
            return Task.Delay(Timeout.InfiniteTimeSpan, call.ArgAt<CancellationToken>(2));
        });
    }

    /// <summary>Fails unless no model was staged.</summary>
    public Task StagedNothingAsync() => Provisioner.DidNotReceiveWithAnyArgs().StageAsync(default!, default!, default);

    /// <summary>Fails unless <paramref name="model"/> was staged once for <paramref name="pool"/>.</summary>
    public Task StagedAsync(string pool, string model) => Provisioner.Received(1).StageAsync(pool, model, Arg.Any<CancellationToken>());

    /// <summary>Fails if <paramref name="model"/> was staged for <paramref name="pool"/>.</summary>
    public Task NotStagedAsync(string pool, string model) => Provisioner.DidNotReceive().StageAsync(pool, model, Arg.Any<CancellationToken>());

    /// <summary>Fails unless <paramref name="model"/> was restored once for <paramref name="pool"/>.</summary>
    public Task RestoredAsync(string pool, string model) => Provisioner.Received(1).RestoreAsync(pool, model, Arg.Any<CancellationToken>());
}
