using FluentAssertions;
using Runtime.ExecutionContexts.Backends;
using Runtime.Supervision.Pools;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.ExecutionContexts.Backends;

/// <summary>Rules found unpinned by mutation testing (docs/mutation.md): results, their text, and refused arguments.</summary>
public sealed class BackendRulesTests
{
    [Fact]
    public void Results_SayWhatKindTheyAre()
    {
        BackendResult.Success("ok").Should().Match<BackendResult>(r => r.IsSuccess && !r.IsUnavailable && r.Error == null && r.Output == "ok");
        BackendResult.Failure("engine crashed").Should().Match<BackendResult>(r => !r.IsSuccess && !r.IsUnavailable && r.Error == "engine crashed" && r.Output == null);
        BackendResult.Unavailable("pool gpu-0 is draining").Should().Match<BackendResult>(r => !r.IsSuccess && r.IsUnavailable && r.Error == "pool gpu-0 is draining");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void BlankMessages_BecomeTheDefaultOnes(string blank)
    {
        BackendResult.Failure(blank).Error.Should().Be("backend failed");
        BackendResult.Unavailable(blank).Error.Should().Be("backend unavailable");
    }

    [Fact]
    public void Results_ReadAsText()
    {
        new[] { BackendResult.Success("42"), BackendResult.Failure("engine crashed"), BackendResult.Unavailable("pool gpu-0 is draining") }
            .Select(r => r.ToString())
            .Should().Equal("success: 42", "failure: engine crashed", "unavailable: pool gpu-0 is draining");
    }

    [Fact]
    public async Task APooledBackend_OnAPoolNotReady_SaysSo()
    {
        var pool = new PoolRegistry().Register("gpu-0", Supervision.Pools.PoolTestData.Llama);
        var backend = new PooledBackend(pool, new ScriptedBackend(TestClock.New()));

        var result = await backend.InvokeAsync(new ModelRequest("hello"), default);

        result.Should().Be(BackendResult.Unavailable("pool gpu-0 is not ready"));
    }

    [Fact]
    public void APooledBackend_NeedsAPoolAndABackend()
    {
        var pool = new PoolRegistry().Register("gpu-0", Supervision.Pools.PoolTestData.Llama);
        var noPool = () => new PooledBackend(null!, new ScriptedBackend(TestClock.New()));
        var noBackend = () => new PooledBackend(pool, null!);

        noPool.Should().Throw<ArgumentNullException>().WithParameterName("pool");
        noBackend.Should().Throw<ArgumentNullException>().WithParameterName("inner");
    }

    [Fact]
    public async Task AScriptedBackend_FailingAlwaysAfterSomeCalls_FailsAsScripted()
    {
        var backend = new ScriptedBackend(TestClock.New()).FailAlwaysAfter(1, "gpu lost", BackendFailureMode.Exception);

        (await backend.InvokeAsync(new ModelRequest("one"), default)).IsSuccess.Should().BeTrue();
        var second = async () => await backend.InvokeAsync(new ModelRequest("two"), default);

        await second.Should().ThrowAsync<ScriptedBackendException>().WithMessage("*gpu lost*");
    }

    [Fact]
    public void AScriptedBackend_RefusesNegativeCountsAndDelays()
    {
        var backend = new ScriptedBackend(TestClock.New());

        backend.Invoking(b => b.FailAlwaysAfter(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("calls");
        backend.Invoking(b => b.RespondAfter(TimeSpan.FromTicks(-1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("delay");
    }

    [Fact]
    public async Task Backends_AnsweringLater_NeverResumeOnTheCallersContext()
    {
        var time = TestClock.New();
        var pool = Supervision.Pools.PoolTestData.ReadyPool(new PoolRegistry());
        var backend = new PooledBackend(pool, new ScriptedBackend(time).RespondAfter(TimeSpan.FromSeconds(1)));
        var context = new CountingContext();
        ValueTask<BackendResult> pending;

        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            pending = backend.InvokeAsync(new ModelRequest("hello"), default);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        time.Advance(TimeSpan.FromSeconds(1));
        (await pending).IsSuccess.Should().BeTrue();
        context.Posts.Should().Be(0, "a library that resumes on its caller's context deadlocks a caller that blocks on it");
        pool.ActiveLeases.Should().Be(0);
    }

    [Fact]
    public void ARequest_RefusesNegativeMemory()
    {
        FluentActions.Invoking(() => new ModelRequest("hi", -1)).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("MemoryBytes").WithMessage("A request's working memory cannot be negative.*");
        FluentActions.Invoking(() => new ModelRequest("hi") with { MemoryBytes = -1 }).Should().Throw<ArgumentOutOfRangeException>();
        new ModelRequest("hi", 0).MemoryBytes.Should().Be(0);
        new ModelRequest("hi", 5).MemoryBytes.Should().Be(5);
    }
}
