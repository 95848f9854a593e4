using FluentAssertions;
using Runtime.ExecutionContexts.Backends;
using Microsoft.Extensions.Time.Testing;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.ExecutionContexts.Backends;

public sealed class ScriptedBackendTests
{
    private readonly FakeTimeProvider _time = TestClock.New();
    private readonly ScriptedBackend _backend;

    public ScriptedBackendTests() => _backend = new ScriptedBackend(_time);

    [Fact]
    public async Task InvokeAsync_ByDefault_AnswersOkAtOnce()
    {
        var pending = _backend.InvokeAsync(new ModelRequest("hello"), default);

        pending.IsCompletedSuccessfully.Should().BeTrue();
        (await pending).Should().Be(BackendResult.Success("ok"));
    }

    [Fact]
    public async Task FailNextCall_FailsOnlyTheNextCall()
    {
        _backend.RespondWith("fine").FailNextCall("engine crashed");

        var first = await Call();
        var second = await Call();

        first.Should().BeEquivalentTo(new { IsSuccess = false, Error = "engine crashed" });
        second.Output.Should().Be("fine");
    }

    [Fact]
    public async Task FailAfter_LetsNCallsThroughThenFailsOnce()
    {
        _backend.FailAfter(2, "out of memory");

        var results = new[] { await Call(), await Call(), await Call(), await Call() };

        results.Select(r => r.IsSuccess).Should().Equal(true, true, false, true);
        _backend.Calls.Should().Be(4);
    }

    [Fact]
    public async Task FailAlways_FailsUntilHealed()
    {
        _backend.FailAlways("weights corrupted");

        var failed = new[] { await Call(), await Call() };
        _backend.Heal();

        failed.Should().OnlyContain(r => !r.IsSuccess && r.Error == "weights corrupted");
        (await Call()).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task FailAlwaysAfter_LetsNCallsThroughThenFailsEveryCall()
    {
        _backend.FailAlwaysAfter(2, "disk full");

        var results = new[] { await Call(), await Call(), await Call(), await Call() };

        results.Select(r => r.IsSuccess).Should().Equal(true, true, false, false);
    }

    [Fact]
    public void FailNextCall_InExceptionMode_Throws()
    {
        _backend.FailNextCall("segfault", BackendFailureMode.Exception);

        var act = () => _backend.InvokeAsync(new ModelRequest("x"), default);

        act.Should().Throw<ScriptedBackendException>().WithMessage("segfault");
    }

    [Fact]
    public async Task RespondAfter_CompletesOnlyWhenTheClockReachesTheDelay()
    {
        _backend.RespondAfter(TimeSpan.FromSeconds(5));

        var pending = _backend.InvokeAsync(new ModelRequest("slow"), default).AsTask();
        _time.Advance(TimeSpan.FromSeconds(4));
        var earlyDone = pending.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(1));

        earlyDone.Should().BeFalse();
        (await pending.WaitAsync(TimeSpan.FromSeconds(10))).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void FailAfter_Negative_Throws()
    {
        var act = () => _backend.FailAfter(-1);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("calls");
    }

    [Fact]
    public async Task NoOpBackend_AnswersSuccessSynchronously()
    {
        var pending = NoOpBackend.Instance.InvokeAsync(new ModelRequest("x"), default);

        pending.IsCompletedSuccessfully.Should().BeTrue();
        (await pending).IsSuccess.Should().BeTrue();
    }

    private ValueTask<BackendResult> Call() => _backend.InvokeAsync(new ModelRequest("x"), default);
}
