using FluentAssertions;
using NSubstitute;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.Engines;
using Xunit;

namespace Runtime.Tests.Supervision.Crashes;

public sealed class CrashClassifierTests
{
    private readonly IOomEvidence _oom = Substitute.For<IOomEvidence>();

    private CrashClassifier Classifier(params string[] patterns) => new(new CrashDetectionOptions
    {
        OomEvidence = _oom,
        DriverErrorPatterns = patterns.Length == 0 ? [CrashDetectionOptions.DefaultDriverErrorPattern] : patterns,
    });

    [Fact]
    public void Classify_ExitCodeZero_IsGracefulExit() =>
        Classifier().Classify(EngineExit.Exited(0), null).Should().Be((CrashReason.GracefulExit, "exited with code 0"));

    [Fact]
    public void IsDriverError_NoLine_IsRefused() =>
        Classifier().Invoking(c => c.IsDriverError(null!)).Should().Throw<ArgumentNullException>().WithParameterName("line");

    [Fact]
    public void Options_EmptyPattern_IsRejected()
    {
        var act = () => Classifier("");

        act.Should().Throw<ArgumentException>().WithMessage("CrashDetectionOptions.DriverErrorPatterns must not contain an empty pattern.*");
    }

    [Fact]
    public void Options_NoPatternList_IsRejected()
    {
        var act = () => new CrashClassifier(new CrashDetectionOptions { DriverErrorPatterns = null! });

        act.Should().Throw<ArgumentNullException>().WithParameterName("DriverErrorPatterns");
    }

    [Fact]
    public void Classify_ExitCode3_IsProcessExitNamingTheCode() =>
        Classifier().Classify(EngineExit.Exited(3), null).Should().Be((CrashReason.ProcessExit, "exited with code 3"));

    [Fact]
    public void Classify_Sigsegv_IsSignalNamingIt() =>
        Classifier().Classify(EngineExit.Killed(Signals.SIGSEGV), 0).Should().Be((CrashReason.Signal, "killed by SIGSEGV"));

    [Fact]
    public void Classify_SigkillWithOomKillCountRising_IsOutOfMemory()
    {
        _oom.ReadOomKillCount().Returns(5L);

        var (reason, detail) = Classifier().Classify(EngineExit.Killed(Signals.SIGKILL), oomBaseline: 4);

        reason.Should().Be(CrashReason.OutOfMemory);
        detail.Should().Contain("out-of-memory kills in its memory cgroup: 4 before, 5 after");
    }

    [Fact]
    public void Classify_SigkillWithoutOomEvidence_IsSignal()
    {
        _oom.ReadOomKillCount().Returns(4L);

        Classifier().Classify(EngineExit.Killed(Signals.SIGKILL), oomBaseline: 4).Reason.Should().Be(CrashReason.Signal);
    }

    [Fact]
    public void Classify_SigkillWhenEvidenceUnavailable_IsSignal()
    {
        _oom.ReadOomKillCount().Returns((long?)null);

        Classifier().Classify(EngineExit.Killed(Signals.SIGKILL), oomBaseline: null).Reason.Should().Be(CrashReason.Signal);
    }

    [Fact]
    public void Classify_SigsegvWhileOomCountRises_IsStillSignal()
    {
        _oom.ReadOomKillCount().Returns(9L);

        Classifier().Classify(EngineExit.Killed(Signals.SIGSEGV), oomBaseline: 1).Reason.Should().Be(CrashReason.Signal);
    }

    [Theory]
    [InlineData("CUDA error: out of memory", true)]
    [InlineData("INFO cuda warming up", false)]
    public void IsDriverError_DefaultPattern_MatchesCudaErrors(string line, bool expected) =>
        Classifier().IsDriverError(line).Should().Be(expected);

    [Fact]
    public void IsDriverError_ConfiguredPattern_IsUsed() =>
        Classifier("^NCCL WARN", "Xid [0-9]+").IsDriverError("kernel: NVRM: Xid 79").Should().BeTrue();

    [Fact]
    public void Options_InvalidPattern_IsRejectedNamingIt()
    {
        var act = () => Classifier("([");

        act.Should().Throw<ArgumentException>().WithMessage("CrashDetectionOptions.DriverErrorPatterns has an invalid pattern '(['*");
    }

    [Fact(Timeout = 30_000)]
    public async Task IsDriverError_CatastrophicPattern_AnswersInLinearTime()
    {
        // Regression: with the backtracking engine, (a+)+$ took 7 s on 29 characters here; on 35 it would take minutes.
        var classifier = Classifier("(a+)+$");

        var matched = await Task.Run(() => classifier.IsDriverError(new string('a', 34) + "!"));

        matched.Should().BeFalse();
    }

    [Fact]
    public void Validate_APatternTheLinearEngineCannotRun_IsRefusedNamingIt()
    {
        var options = new CrashDetectionOptions { DriverErrorPatterns = [@"(\w)\1"] };

        var act = options.Validate;

        act.Should().Throw<ArgumentException>().WithMessage(@"*invalid pattern '(\w)\1'*");
    }
}
