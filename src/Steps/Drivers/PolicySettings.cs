using System.Globalization;
using Runtime.Supervision.Crashes;

namespace Steps.Drivers;

/// <summary>
/// The settings of a pool's restart delay, restart limit and restart circuit as a product owner names them ("first
/// delay", "restart window", "open time"), each with the option it sets, the name the runtime's refusal gives it, and how a step writes its value
/// ("0.5 seconds", "50 days", "100%", "0.9", "10", "infinity").
/// </summary>
public static class PolicySettings
{
    /// <summary>Every setting name, as a regular-expression alternation for step patterns.</summary>
    public const string Names = "first delay|longest delay|shortest delay|growth per crash|jitter|stable run that resets the delay|delay factor for driver errors"
        + "|restart limit|restart window|warning threshold|stable run that resets the restart count"
        + "|failure threshold|open time growth per failed probe|open time|longest open time|stable run that closes the circuit";

    private static readonly Dictionary<string, (string Option, Action<PolicyDriver, string> Set)> Catalog = new(StringComparer.Ordinal)
    {
        ["first delay"] = ("RestartBackoffOptions.InitialDelay", (p, v) => p.BackoffOptions.InitialDelay = Duration(v)),
        ["longest delay"] = ("RestartBackoffOptions.MaxDelay", (p, v) => p.BackoffOptions.MaxDelay = Duration(v)),
        ["shortest delay"] = ("RestartBackoffOptions.MinimumDelay", (p, v) => p.BackoffOptions.MinimumDelay = Duration(v)),
        ["growth per crash"] = ("RestartBackoffOptions.Multiplier", (p, v) => p.BackoffOptions.Multiplier = Number(v)),
        ["jitter"] = ("RestartBackoffOptions.JitterFactor", (p, v) => p.BackoffOptions.JitterFactor = Number(v.TrimEnd('%')) / 100),
        ["stable run that resets the delay"] = ("RestartBackoffOptions.StableResetAfter", (p, v) => p.BackoffOptions.StableResetAfter = Duration(v)),
        ["delay factor for driver errors"] = ("RestartBackoffOptions.ReasonMultipliers[driver_error]", (p, v) => p.BackoffOptions.ReasonMultipliers[CrashReason.DriverError] = Number(v)),
        ["restart limit"] = ("RestartRateLimiterOptions.MaxRestarts", (p, v) => p.LimiterOptions.MaxRestarts = (int)Number(v)),
        ["restart window"] = ("RestartRateLimiterOptions.Window", (p, v) => p.LimiterOptions.Window = Duration(v)),
        ["warning threshold"] = ("RestartRateLimiterOptions.WarningThreshold", (p, v) => p.LimiterOptions.WarningThreshold = (int)Number(v)),
        ["stable run that resets the restart count"] = ("RestartRateLimiterOptions.StableResetAfter", (p, v) => p.LimiterOptions.StableResetAfter = Duration(v)),
        ["failure threshold"] = ("CircuitBreakerOptions.FailureThreshold", (p, v) => p.BreakerOptions.FailureThreshold = (int)Number(v)),

        // Before the open time: its option's name begins the growth's, which must be replaced first.
        ["open time growth per failed probe"] = ("CircuitBreakerOptions.OpenDurationMultiplier", (p, v) => p.BreakerOptions.OpenDurationMultiplier = Number(v)),
        ["open time"] = ("CircuitBreakerOptions.OpenDuration", (p, v) => p.BreakerOptions.OpenDuration = Duration(v)),
        ["longest open time"] = ("CircuitBreakerOptions.MaxOpenDuration", (p, v) => p.BreakerOptions.MaxOpenDuration = Duration(v)),
        ["stable run that closes the circuit"] = ("CircuitBreakerOptions.StableRunDuration", (p, v) => p.BreakerOptions.StableRunDuration = Duration(v)),
    };

    /// <summary>Sets <paramref name="setting"/> to <paramref name="value"/> as a step writes it.</summary>
    public static void Set(PolicyDriver policies, string setting, string value) => Catalog[setting].Set(policies, value);

    /// <summary>
    /// A refusal in the product owner's words: each option the runtime names ("RestartBackoffOptions.MaxDelay", or
    /// "InitialDelay" inside another's message) becomes the setting's name ("longest delay", "the first delay").
    /// </summary>
    public static string InBusinessWords(string refusal)
    {
        foreach (var (name, (option, _)) in Catalog)
        {
            refusal = refusal.Replace(option, name, StringComparison.Ordinal);
        }

        foreach (var (name, (option, _)) in Catalog.Where(s => !s.Value.Option.Contains('[', StringComparison.Ordinal)))
        {
            refusal = refusal.Replace(option[(option.IndexOf('.', StringComparison.Ordinal) + 1)..], "the " + name, StringComparison.Ordinal);
        }

        return refusal;
    }

    private static double Number(string text) =>
        text == "infinity" ? double.PositiveInfinity : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>"0.5 seconds", "1 second", "50 days".</summary>
    private static TimeSpan Duration(string text)
    {
        var parts = text.Split(' ');
        var amount = Number(parts[0]);
        return parts[1].TrimEnd('s') switch
        {
            "second" => TimeSpan.FromSeconds(amount),
            "day" => TimeSpan.FromDays(amount),
            _ => throw new ArgumentException($"unknown unit in '{text}'", nameof(text)),
        };
    }
}
