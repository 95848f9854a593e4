using System.Text.RegularExpressions;

namespace Runtime.Supervision.Crashes;

/// <summary>Options of <see cref="CrashClassifier"/>.</summary>
public sealed class CrashDetectionOptions
{
    /// <summary>The default driver-error pattern: <c>CUDA error</c>.</summary>
    public const string DefaultDriverErrorPattern = "CUDA error";

    /// <summary>
    /// Regular expressions (case-sensitive; run by the non-backtracking engine, so in linear time, without backreferences
    /// or lookarounds) matched against every engine output line; a match is a
    /// <see cref="CrashReason.DriverError"/>. Default: <c>CUDA error</c>. Empty disables the check.
    /// </summary>
    public IList<string> DriverErrorPatterns { get; set; } = [DefaultDriverErrorPattern];

    /// <summary>Where OOM evidence comes from. Default <see cref="CgroupOomEvidence"/>.</summary>
    public IOomEvidence? OomEvidence { get; set; }

    /// <summary>How the patterns are compiled: the non-backtracking engine (linear time; no backreferences or lookarounds).</summary>
    internal const RegexOptions PatternOptions = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    /// <summary>Checks the options once; throws <see cref="ArgumentException"/> naming the bad pattern.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(DriverErrorPatterns, nameof(DriverErrorPatterns));
        foreach (var pattern in DriverErrorPatterns)
        {
            if (string.IsNullOrEmpty(pattern))
            {
                throw new ArgumentException("CrashDetectionOptions.DriverErrorPatterns must not contain an empty pattern.", nameof(DriverErrorPatterns));
            }

            try
            {
                _ = new Regex(pattern, PatternOptions);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                throw new ArgumentException($"CrashDetectionOptions.DriverErrorPatterns has an invalid pattern '{pattern}': {e.Message}", nameof(DriverErrorPatterns), e);
            }
        }
    }
}
