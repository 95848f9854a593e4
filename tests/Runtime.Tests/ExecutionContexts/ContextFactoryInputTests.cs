using FluentAssertions;
using Runtime.ExecutionContexts.Backends;
using Runtime.ExecutionContexts.Budgets;
using Xunit;

namespace Runtime.Tests.ExecutionContexts;

/// <summary>What the factory refuses before it connects to a backend, and a tenant slot given back whole.</summary>
public sealed class ContextFactoryInputTests : IDisposable
{
    private readonly ContextTestKit _kit = new(maxPerTenant: 1);
    private int _connections;

    public void Dispose() => _kit.Dispose();

    [Theory]
    [InlineData(" ", "acme", "modelId")]
    [InlineData("llama-7b-v1", " ", "tenantId")]
    public void CreateByConnecting_BlankId_IsRefusedBeforeConnecting(string model, string tenant, string parameter)
    {
        var act = () => _kit.Factory.Create(model, tenant, new BudgetLimits(1024), Connect);

        act.Should().Throw<ArgumentException>().WithParameterName(parameter);
        _connections.Should().Be(0, "a refused request must not open a connection to a backend");
    }

    [Fact]
    public void CreateByConnecting_NoBudget_IsRefusedBeforeConnecting()
    {
        var act = () => _kit.Factory.Create("llama-7b-v1", "acme", null!, Connect);

        act.Should().Throw<ArgumentNullException>().WithParameterName("limits");
        _connections.Should().Be(0, "a refused request must not open a connection to a backend");
    }

    [Fact]
    public void CreateByConnecting_NoWayToConnect_IsRefusedAsRequired()
    {
        var act = () => _kit.Factory.Create("llama-7b-v1", "acme", new BudgetLimits(1024), (Func<IModelBackend>)null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("connect");
    }

    [Fact]
    public void Create_TheOnlyContextATenantMayHold_OnceDisposed_LeavesRoomForAnother()
    {
        _kit.Create("acme").Dispose();

        _kit.Factory.Create("llama-7b-v1", "acme", new BudgetLimits(1024), NoOpBackend.Instance).IsCreated
            .Should().BeTrue("a disposed context gives its tenant's slot back, also the last one it held");
    }

    private IModelBackend Connect()
    {
        _connections++;
        return NoOpBackend.Instance;
    }
}
