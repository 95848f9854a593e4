using FluentAssertions;
using Runtime.ExecutionContexts.Backends;
using Runtime.ExecutionContexts.Budgets;
using Runtime.ExecutionContexts;
using Xunit;

namespace Runtime.Tests.ExecutionContexts;

public sealed class ContextFactoryTests : IDisposable
{
    private readonly ContextTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Theory]
    [InlineData("", "acme", "modelId", "The model id must not be empty or blank.*")]
    [InlineData("   ", "acme", "modelId", "The model id must not be empty or blank.*")]
    [InlineData("llama-7b-v1", "", "tenantId", "The tenant id must not be empty or blank.*")]
    [InlineData("llama-7b-v1", "\t", "tenantId", "The tenant id must not be empty or blank.*")]
    public void Create_BlankId_IsRefusedNamingTheParameterAndTheRule(string model, string tenant, string parameter, string message)
    {
        var act = () => _kit.Factory.Create(model, tenant, new BudgetLimits(1024), NoOpBackend.Instance);

        act.Should().Throw<ArgumentException>().WithMessage(message).Which.ParamName.Should().Be(parameter);
    }

    [Fact]
    public void Create_NullModel_IsRefusedAsRequired()
    {
        var act = () => _kit.Factory.Create(null!, "acme", new BudgetLimits(1024), NoOpBackend.Instance);

        act.Should().Throw<ArgumentNullException>().WithMessage("The model id is required.*").Which.ParamName.Should().Be("modelId");
    }

    [Fact]
    public void Create_MissingBackend_IsRefused()
    {
        var act = () => _kit.Factory.Create("llama-7b-v1", "acme", new BudgetLimits(1024), (IModelBackend)null!);

        act.Should().Throw<ArgumentNullException>().WithMessage("A backend is required to run the model.*").Which.ParamName.Should().Be("backend");
    }

    [Fact]
    public void Create_MissingBudget_IsRefused()
    {
        var act = () => _kit.Factory.Create("llama-7b-v1", "acme", null!, NoOpBackend.Instance);

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("limits");
    }

    [Fact]
    public void Create_ValidInput_GivesAnActiveContextWithItsIdentity()
    {
        var context = _kit.Create("acme", "llama-7b-v1");

        context.Should().BeEquivalentTo(new { Id = "acme/llama-7b-v1#1", ModelId = "llama-7b-v1", TenantId = "acme", State = ContextState.Active, CorrelationId = "acme/llama-7b-v1#1" });
        context.ParentChain.Should().BeEmpty();
    }

    [Fact]
    public void Create_ThirdContextOfATenant_IsRefusedUntilOneIsDisposed()
    {
        var first = _kit.Create("acme");
        _kit.Create("acme", "mistral-7b");

        var third = _kit.Factory.Create("phi-3", "acme", new BudgetLimits(1024), NoOpBackend.Instance);
        first.Dispose();
        var retry = _kit.Factory.Create("phi-3", "acme", new BudgetLimits(1024), NoOpBackend.Instance);

        third.Should().BeEquivalentTo(new { IsCreated = false, Error = ContextCreationError.TenantLimitReached, Message = "tenant acme has reached its limit of 2 live contexts" });
        retry.IsCreated.Should().BeTrue();
    }

    [Fact]
    public void Create_TenantAtItsLimit_DoesNotAffectAnotherTenant()
    {
        _kit.Create("acme");
        _kit.Create("acme");

        var globex = _kit.Factory.Create("llama-7b-v1", "globex", new BudgetLimits(1024), NoOpBackend.Instance);

        globex.IsCreated.Should().BeTrue();
    }

    [Fact]
    public void Create_WithAHigherTenantLimit_AllowsMore()
    {
        using var kit = new ContextTestKit(maxPerTenant: 3);

        var contexts = Enumerable.Range(0, 3).Select(_ => kit.Factory.Create("llama-7b-v1", "acme", new BudgetLimits(1024), NoOpBackend.Instance)).ToList();

        contexts.Should().OnlyContain(c => c.IsCreated);
    }

    [Fact]
    public void Options_TenantLimitZero_IsRefused()
    {
        var act = () => new ContextFactory(new ContextFactoryOptions { MaxContextsPerTenant = 0 });

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("A tenant must be allowed at least one live context.*");
    }

    [Fact]
    public void Dispose_OfAContext_ReleasesTenantSlotReservationAndSubscription()
    {
        var context = _kit.Create("acme", memory: ByteSize.GiB);
        _kit.Create("acme", memory: 512 * ByteSize.MiB);
        var before = (_kit.Factory.GetLiveContextCount("acme"), _kit.Traces.Subscriptions, _kit.Factory.ReservedMemoryBytes);

        context.Dispose();

        before.Should().Be((2, 2, ByteSize.GiB + (512 * ByteSize.MiB)));
        _kit.Factory.GetLiveContextCount("acme").Should().Be(1);
        _kit.Traces.Subscriptions.Should().Be(1);
        _kit.Factory.ReservedMemoryBytes.Should().Be(512 * ByteSize.MiB);
    }

    [Fact]
    public void Dispose_Twice_ReleasesOnce()
    {
        var context = _kit.Create("acme");
        _kit.Create("acme");

        context.Dispose();
        context.Dispose();

        _kit.Factory.GetLiveContextCount("acme").Should().Be(1);
        _kit.Factory.LiveContexts.Should().Be(1);
    }

    [Fact]
    public void Find_AnotherTenantsContext_IsForbidden()
    {
        var context = _kit.Create("acme");

        var found = _kit.Factory.Find(context.Id, "globex");

        found.Outcome.Should().Be(ContextOutcome.Forbidden);
        found.Error.Should().Be("tenant globex may not use context acme/llama-7b-v1#1 of tenant acme");
        _kit.Factory.Find(context.Id, "acme").Value.Should().BeSameAs(context);
    }

    [Fact]
    public void Dispose_OfTheFactory_DisposesEveryContextAndRefusesNewOnes()
    {
        var context = _kit.Create("acme");

        _kit.Factory.Dispose();

        context.State.Should().Be(ContextState.Disposed);
        _kit.Factory.LiveContexts.Should().Be(0);
        _kit.Factory.Create("llama-7b-v1", "acme", new BudgetLimits(1024), NoOpBackend.Instance).Error.Should().Be(ContextCreationError.FactoryDisposed);
    }

    [Theory]
    [InlineData("llama-7b-v1", "default", "tenantId")]
    [InlineData("llama-7b-v1", " DEFAULT ", "tenantId")]
    [InlineData("llama-7b-v1", "00000000-0000-0000-0000-000000000000", "tenantId")]
    [InlineData("llama-7b-v1", "{00000000-0000-0000-0000-000000000000}", "tenantId")]
    [InlineData("default", "acme", "modelId")]
    public void Create_PlaceholderId_IsRefusedNamingTheParameter(string model, string tenant, string parameter)
    {
        var act = () => _kit.Factory.Create(model, tenant, new BudgetLimits(1024), NoOpBackend.Instance);

        act.Should().Throw<ArgumentException>().WithMessage("*not the placeholder*").Which.ParamName.Should().Be(parameter);
        _kit.Factory.LiveContexts.Should().Be(0);
    }

    [Fact]
    public void Create_ConnectionFailsTheThresholdTimes_FailsFastWithoutConnecting()
    {
        var attempts = 0;
        IModelBackend Failing() => ++attempts > 0 ? throw new IOException("refused") : NoOpBackend.Instance;
        for (var i = 0; i < ContextDefaults.BackendFailureThreshold; i++)
        {
            _kit.Factory.Create("llama-7b-v1", "acme", new BudgetLimits(1024), Failing).Error.Should().Be(ContextCreationError.BackendUnavailable);
        }

        var creation = _kit.Factory.Create("llama-7b-v1", "acme", new BudgetLimits(1024), Failing);

        creation.Error.Should().Be(ContextCreationError.BackendCircuitOpen);
        attempts.Should().Be(ContextDefaults.BackendFailureThreshold);
    }

    [Fact]
    public async Task Create_AfterTheCoolDown_ProbesWithOneConnectionAtATime()
    {
        var gate = new TaskCompletionSource();
        var attempts = 0;
        for (var i = 0; i < ContextDefaults.BackendFailureThreshold; i++)
        {
            _kit.Factory.Create("llama-7b-v1", "acme", new BudgetLimits(1024), () => throw new IOException("refused"));
        }

        _kit.Time.Advance(ContextDefaults.BackendCoolDown);
        var probe = Task.Run(() => _kit.Factory.Create("llama-7b-v1", "acme", new BudgetLimits(1024), () =>
        {
            Interlocked.Increment(ref attempts);
            gate.Task.Wait();
            return NoOpBackend.Instance;
        }));
        while (Volatile.Read(ref attempts) == 0)
        {
            await Task.Yield();
        }

        var second = _kit.Factory.Create("llama-7b-v1", "acme", new BudgetLimits(1024), () => NoOpBackend.Instance);
        gate.SetResult();

        second.Error.Should().Be(ContextCreationError.BackendCircuitOpen, "while the probe connects, others fail fast");
        (await probe).IsCreated.Should().BeTrue();
        _kit.Factory.Create("llama-7b-v1", "acme", new BudgetLimits(1024), () => NoOpBackend.Instance).IsCreated.Should().BeTrue("a successful probe closes the circuit");
    }

    [Theory]
    [InlineData(0, 30)]
    [InlineData(3, 0)]
    [InlineData(3, 5_000_000)]
    public void Options_BadBackendCircuit_AreRefused(int threshold, int coolDownSeconds)
    {
        var act = () => new ContextFactory(new ContextFactoryOptions { BackendFailureThreshold = threshold, BackendCoolDown = TimeSpan.FromSeconds(coolDownSeconds) });

        act.Should().Throw<ArgumentException>();
    }
}
