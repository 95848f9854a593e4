using FluentAssertions;
using Runtime.Common;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Tests.Supervision.Reload;
using Xunit;

namespace Runtime.Tests.Supervision;

/// <summary>
/// The supervisor's surge, driven directly as a reload would (<see cref="ISurgeEngines.StartBesideAsync"/>): when it
/// refuses to start or to switch, and why; what a switch, an abort and the old engine's stop change in the pool.
/// </summary>
public sealed class SupervisorSurgeTests : SurgeFixture
{
    /// <summary>Completes once the supervisor has handled the next crash (the process's end alone is not enough).</summary>
    private Task NextCrash()
    {
        var crashed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _supervisor.Crashed += (_, _) => crashed.TrySetResult();
        return crashed.Task.WaitAsync(PoolEvents.Bound);
    }

    private Task<IEngineSurge> StartBeside(string model = "llama-7b-v2") =>
        _supervisor.StartBesideAsync("gpu-0", Spec(model)).WaitAsync(PoolEvents.Bound);

    [Fact]
    public async Task StartBeside_WhileASurgeIsUnderWay_IsRefused_AndAllowedAgainOnceItWasAborted()
    {
        var first = await StartBeside();

        var second = () => StartBeside("llama-7b-v3");

        (await second.Should().ThrowAsync<InvalidOperationException>()).WithMessage("a surge of pool gpu-0 is under way");
        await first.AbortAsync().WaitAsync(PoolEvents.Bound);
        (await StartBeside("llama-7b-v3")).Start.Ready.Should().BeTrue("the aborted surge is over");
    }

    [Fact]
    public async Task StartBeside_WhileTheOldEngineOfASwitchedSurgeRetires_IsRefused()
    {
        var surge = await StartBeside();
        surge.TrySwitch(out _).Should().BeTrue();

        var second = () => StartBeside("llama-7b-v3");

        (await second.Should().ThrowAsync<InvalidOperationException>()).WithMessage("a surge of pool gpu-0 is under way");
        await surge.StopOldAsync(force: true).WaitAsync(PoolEvents.Bound);
        (await StartBeside("llama-7b-v3")).Start.Ready.Should().BeTrue("the old engine's stop ended the surge");
    }

    [Fact]
    public async Task StartBeside_APoolThatIsNotReady_IsRefusedNamingItsState()
    {
        var held = _pool.Acquire();
        var drain = _drains.DrainAsync("gpu-0", Deadline);

        var beside = () => StartBeside();

        (await beside.Should().ThrowAsync<InvalidOperationException>())
            .WithMessage("pool gpu-0 has no serving engine to start a new one beside (it is Draining)");
        held.Release();
        await drain.WaitAsync(PoolEvents.Bound);
    }

    [Fact]
    public async Task StartBeside_WithoutASpec_IsRefusedByName()
    {
        var beside = () => _supervisor.StartBesideAsync("gpu-0", null!);

        (await beside.Should().ThrowAsync<ArgumentNullException>()).WithParameterName("spec");
        _engines.Started.Should().ContainSingle("no engine was started beside the old one");
    }

    [Fact]
    public async Task StartBeside_LeavesThePoolOnItsOldEngine_UntilTheSwitch()
    {
        var surge = await StartBeside();

        surge.Should().Match<IEngineSurge>(s => s.PoolId == "gpu-0" && s.OldPid == OldEngine.Pid && !s.Switched && s.OldActiveLeases == 0);
        surge.Start.Should().Match<EngineStartResult>(r => r.Ready && r.Pid == _engines.Started[1].Pid && r.Endpoint == _newEndpoint.Uri);
        _logger.WithEvent("EngineReady").Select(e => e.Message).Should().Contain(m => m.Contains($"pid {_engines.Started[1].Pid}", StringComparison.Ordinal),
            "the new engine's readiness is logged");
        Action notYet = () => _ = surge.OldLeasesFinished;
        notYet.Should().Throw<InvalidOperationException>().WithMessage("the surge of pool gpu-0 has not switched");
        using var lease = _pool.Acquire();
        lease.Endpoint.Should().Be(_oldEndpoint.Uri, "the pool serves on its old engine until the switch");
        _pool.Snapshot().Pid.Should().Be(OldEngine.Pid);
    }

    [Fact]
    public async Task TrySwitch_SendsNewLeasesToTheNewEngine_WhileHeldOnesStayOnTheOld()
    {
        var held = _pool.Acquire();
        var surge = await StartBeside();

        surge.TrySwitch(out var refusal).Should().BeTrue(refusal);

        refusal.Should().BeNull();
        surge.Should().Match<IEngineSurge>(s => s.Switched && s.OldActiveLeases == 1);
        _pool.Snapshot().Should().Match<PoolSnapshot>(s => s.Ready && s.Pid == _engines.Started[1].Pid && s.Spec.Model == "llama-7b-v2");
        using (var lease = _pool.Acquire())
        {
            lease.Endpoint.Should().Be(_newEndpoint.Uri);
        }

        surge.OldLeasesFinished.IsCompleted.Should().BeFalse("a lease is still held on the old engine");
        held.Release();
        await surge.OldLeasesFinished.WaitAsync(PoolEvents.Bound);
        surge.OldActiveLeases.Should().Be(0);
    }

    [Fact]
    public async Task TrySwitch_AfterTheNewEngineEnded_IsRefused_AndThePoolStaysOnTheOld()
    {
        var surge = await StartBeside();
        var crashed = NextCrash();
        _engines.Started[1].Crash();
        await crashed;

        surge.TrySwitch(out var refusal).Should().BeFalse();

        refusal.Should().Be("the new engine of pool gpu-0 has ended");
        surge.Switched.Should().BeFalse();
        _pool.Snapshot().Should().Match<PoolSnapshot>(s => s.Ready && s.Pid == OldEngine.Pid && s.CrashCount == 0, "the new engine's end before the switch is not the pool's crash");
    }

    [Fact]
    public async Task TrySwitch_AfterAnAbort_IsRefused()
    {
        var surge = await StartBeside();
        await surge.AbortAsync().WaitAsync(PoolEvents.Bound);

        surge.TrySwitch(out var refusal).Should().BeFalse();

        refusal.Should().Be("the new engine of pool gpu-0 has ended");
        _engines.Started[1].HasExited.Should().BeTrue("an abort kills the new engine");
        _pool.Snapshot().Pid.Should().Be(OldEngine.Pid);
    }

    [Fact]
    public async Task TrySwitch_AfterTheOldEngineEnded_IsRefused()
    {
        var surge = await StartBeside();
        var crashed = NextCrash();
        OldEngine.Crash();
        await crashed;

        surge.TrySwitch(out var refusal).Should().BeFalse();

        refusal.Should().Be("the old engine of pool gpu-0 has ended");
        surge.Switched.Should().BeFalse();
        _engines.Started[1].HasExited.Should().BeFalse("the refusal changes nothing: the reload decides what to do with the new engine");
    }

    [Fact]
    public async Task TrySwitch_WhileThePoolDrains_IsRefusedNamingItsState_AndChangesNothing()
    {
        var surge = await StartBeside();
        var held = _pool.Acquire();
        var drain = _drains.DrainAsync("gpu-0", Deadline);

        surge.TrySwitch(out var refusal).Should().BeFalse();

        refusal.Should().Be("pool gpu-0 is Draining, not Ready");
        surge.Switched.Should().BeFalse();
        _pool.Snapshot().Should().Match<PoolSnapshot>(s => s.State == PoolState.Draining && s.Pid == OldEngine.Pid);
        _supervisor.EngineOf("gpu-0").Should().BeSameAs(OldEngine, "the supervisor still counts the old engine as the pool's");
        var crashed = NextCrash();
        _engines.Started[1].Crash();
        await crashed;
        _pool.Snapshot().CrashCount.Should().Be(0, "the new engine is still outside the pool: its crash is not the pool's");
        held.Release();
        await drain.WaitAsync(PoolEvents.Bound);
    }

    [Fact]
    public async Task AbortAfterTheSwitch_HandsThePoolBackToTheOldEngine_WithoutACrash()
    {
        var held = _pool.Acquire();
        var surge = await StartBeside();
        surge.TrySwitch(out _).Should().BeTrue();

        await surge.AbortAsync().WaitAsync(PoolEvents.Bound);
        await surge.AbortAsync().WaitAsync(PoolEvents.Bound);

        _engines.Started[1].HasExited.Should().BeTrue();
        (await _engines.Started[1].Exited).Should().Be(EngineExit.Killed(Signals.SIGKILL), "a new engine given up is killed, not asked to stop");
        OldEngine.HasExited.Should().BeFalse();
        _pool.Snapshot().Should().Match<PoolSnapshot>(s => s.Ready && s.Pid == OldEngine.Pid && s.Spec.Model == "llama-7b-v1" && s.CrashCount == 0 && s.LastError == null,
            "an abort is no crash");
        surge.NewEngineFailed.IsCompleted.Should().BeFalse("the new engine did not fail: it was aborted");
        using (var lease = _pool.Acquire())
        {
            lease.Endpoint.Should().Be(_oldEndpoint.Uri);
        }

        held.Release();
    }

    [Fact]
    public async Task TheNewEngineCrashingAfterTheSwitch_HandsThePoolBack_CountedAsTheNewEnginesCrash()
    {
        _pool.Acquire();
        var surge = await StartBeside();
        surge.TrySwitch(out _).Should().BeTrue();

        _engines.Started[1].Crash();
        var reason = await surge.NewEngineFailed.WaitAsync(PoolEvents.Bound);

        reason.Should().StartWith("signal: ");
        _pool.Snapshot().Should().Match<PoolSnapshot>(s => s.Ready && s.Pid == OldEngine.Pid && s.CrashCount == 1 && s.LastError == reason);
        var stopped = await surge.StopOldAsync(force: true).WaitAsync(PoolEvents.Bound);
        stopped.Should().BeNull("the old engine serves the pool again: the surge no longer owns it");
        OldEngine.HasExited.Should().BeFalse();
    }

    [Fact]
    public async Task StopOld_StopsTheOldEngineOnce_AndLogsItsExit()
    {
        var surge = await StartBeside();
        surge.TrySwitch(out _).Should().BeTrue();

        var exit = await surge.StopOldAsync(force: false).WaitAsync(PoolEvents.Bound);
        var again = await surge.StopOldAsync(force: false).WaitAsync(PoolEvents.Bound);

        exit.Should().Be(EngineExit.Exited(0));
        again.Should().BeNull("the old engine was stopped already");
        OldEngine.HasExited.Should().BeTrue();
        _logger.WithEvent("EngineStopped").Should().ContainSingle().Which.Message.Should().Contain("gpu-0").And.Contain(exit.ToString());
        _pool.Snapshot().Should().Match<PoolSnapshot>(s => s.Ready && s.Pid == _engines.Started[1].Pid, "the old engine's stop does not touch the pool");
    }

    [Fact]
    public async Task TheSwitch_StartsTheNewEnginesStableRun()
    {
        var crashed = NextCrash();
        OldEngine.Crash();
        await crashed;
        _time.Advance(TimeSpan.FromSeconds(1));
        var restarted = await PoolEvents.WaitFor(_pool, s => s.Ready && s.Pid != OldEngine.Pid);
        _time.Advance(TimeSpan.FromSeconds(250));
        var surge = await StartBeside();
        surge.TrySwitch(out _).Should().BeTrue();
        await surge.StopOldAsync(force: true).WaitAsync(PoolEvents.Bound);

        // 310 s after the restarted engine became ready, past the backoff's stable 300 s, but 60 s after the switch.
        _time.Advance(TimeSpan.FromSeconds(60));
        var next = NextCrash();
        _engines.Started.Single(e => e.Pid == surge.Start.Pid).Crash();
        await next;

        _logger.WithEvent("RestartScheduled").Select(e => e.Message).Where(m => m.Contains("restart in", StringComparison.Ordinal)).Should().Equal(
            ["Pool gpu-0: restart in 1 s after signal", "Pool gpu-0: restart in 2 s after signal"],
            "the new engine's run is measured from the switch: its crash 60 s later follows the first one (pid {0} ran 310 s)", restarted.Pid);
    }

    [Fact]
    public async Task StoppingThePool_BeforeTheSwitch_KillsTheNewEngine_AndStopsTheOldOneAsAsked()
    {
        await StartBeside();

        var exit = await _supervisor.StopEngineAsync("gpu-0", force: false).WaitAsync(PoolEvents.Bound);

        exit.Should().Be(EngineExit.Exited(0), "the pool's engine, still the old one, is asked to stop");
        (await _engines.Started[1].Exited).Should().Be(EngineExit.Killed(Signals.SIGKILL), "the new engine never served: it is killed");
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task Disposing_DuringASurge_EndsBothEngines(bool switched, bool gracefully)
    {
        var surge = await StartBeside();
        if (switched)
        {
            surge.TrySwitch(out _).Should().BeTrue();
        }

        if (gracefully)
        {
            await _supervisor.DisposeAsync().AsTask().WaitAsync(PoolEvents.Bound);
        }
        else
        {
            _supervisor.Dispose();
        }

        _engines.Started.Should().HaveCount(2).And.OnlyContain(e => e.HasExited, "a disposed supervisor leaves no engine running, retiring or new");
    }
}
