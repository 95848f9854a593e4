using System.Text.RegularExpressions;
using Runtime.Supervision.Engines;

namespace Runtime.Supervision.Crashes;

/// <summary>
/// Turns what was observed of an engine into a <see cref="CrashReason"/>:
/// exit code 0 = <see cref="CrashReason.GracefulExit"/>; another code = <see cref="CrashReason.ProcessExit"/>;
/// a signal death = <see cref="CrashReason.Signal"/>, except a SIGKILL while the OOM kill count rose since
/// the engine started = <see cref="CrashReason.OutOfMemory"/>; a driver-error line, failed health checks and
/// startup timeouts are classified where they are seen (<see cref="IsDriverError"/>). Thread-safe.
/// </summary>
public sealed class CrashClassifier
{
    private readonly Regex[] _driverErrors;
    private readonly IOomEvidence _oom;

    /// <summary>Creates the classifier; <paramref name="options"/> are validated once.</summary>
    public CrashClassifier(CrashDetectionOptions? options = null)
    {
        options ??= new CrashDetectionOptions();
        options.Validate();
        // The non-backtracking engine: matching is linear in the line's length whatever the pattern, so an engine's
        // output can never stall crash classification.
        _driverErrors = options.DriverErrorPatterns.Select(p => new Regex(p, CrashDetectionOptions.PatternOptions)).ToArray();
        _oom = options.OomEvidence ?? new CgroupOomEvidence();
    }

    /// <summary>The OOM kill count now (taken when an engine starts), or null without evidence.</summary>
    public long? OomBaseline() => _oom.ReadOomKillCount();

    /// <summary>True when <paramref name="line"/> matches a driver-error pattern.</summary>
    public bool IsDriverError(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        foreach (var regex in _driverErrors)
        {
            if (regex.IsMatch(line))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Classifies an exit; <paramref name="oomBaseline"/> is <see cref="OomBaseline"/> at engine start.</summary>
    public (CrashReason Reason, string Detail) Classify(EngineExit exit, long? oomBaseline)
    {
        if (exit.Signal is { } signal)
        {
            if (signal == Signals.SIGKILL && oomBaseline is { } before && _oom.ReadOomKillCount() is { } after && after > before)
            {
                return (CrashReason.OutOfMemory, $"killed by SIGKILL from the out-of-memory killer (out-of-memory kills in its memory cgroup: {before} before, {after} after)");
            }

            return (CrashReason.Signal, $"killed by {exit.SignalName}");
        }

        return exit.ExitCode == 0
            ? (CrashReason.GracefulExit, "exited with code 0")
            : (CrashReason.ProcessExit, $"exited with code {exit.ExitCode}");
    }
}
