using System.Text.RegularExpressions;

namespace Runtime.Crashes;

/// <summary>Options of <see cref="CrashClassifier"/>.</summary>
public sealed class CrashDetectionOptions
{
    /// <summary>The default driver-error pattern: <c>CUDA error</c>.</summary>
    public const string DefaultDriverErrorPattern = "CUDA error";

    /// <summary>
    /// Regular expressions (case-sensitive) matched against every engine output line; a match is a
    /// <see cref="CrashReason.DriverError"/>. Default: <c>CUDA error</c>. Empty disables the check.
    /// </summary>
    public IList<string> DriverErrorPatterns { get; set; } = [DefaultDriverErrorPattern];

    /// <summary>Where OOM evidence comes from. Default <see cref="CgroupOomEvidence"/>.</summary>
    public IOomEvidence? OomEvidence { get; set; }

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
                _ = new Regex(pattern, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"CrashDetectionOptions.DriverErrorPatterns has an invalid pattern '{pattern}': {e.Message}", nameof(DriverErrorPatterns), e);
            }
        }
    }
}
