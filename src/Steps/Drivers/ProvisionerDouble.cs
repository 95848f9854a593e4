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
    /// <summary>The provisioner the reload coordinator is given.</summary>
    public IModelProvisioner Provisioner { get; } = Substitute.For<IModelProvisioner>();

    /// <summary>Staging <paramref name="model"/> fails with an I/O error saying <paramref name="error"/>.</summary>
    public void FailStaging(string model, string error) =>
        Provisioner.StageAsync(Arg.Any<string>(), model, Arg.Any<CancellationToken>()).ThrowsAsync(new IOException(error));

    /// <summary>Fails unless no model was staged.</summary>
    public Task StagedNothingAsync() => Provisioner.DidNotReceiveWithAnyArgs().StageAsync(default!, default!, default);

    /// <summary>Fails unless <paramref name="model"/> was staged once for <paramref name="pool"/>.</summary>
    public Task StagedAsync(string pool, string model) => Provisioner.Received(1).StageAsync(pool, model, Arg.Any<CancellationToken>());

    /// <summary>Fails unless <paramref name="model"/> was restored once for <paramref name="pool"/>.</summary>
    public Task RestoredAsync(string pool, string model) => Provisioner.Received(1).RestoreAsync(pool, model, Arg.Any<CancellationToken>());
}
