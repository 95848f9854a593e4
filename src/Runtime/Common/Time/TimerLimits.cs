namespace Runtime.Common.Time;

/// <summary>
/// The longest a timer can wait: 4,294,967,294 ms, about 49.7 days (.NET timers take a 32-bit count of milliseconds).
/// A longer duration would pass a plain "positive" check and then fail when its timer is created, leaving a pool stuck
/// in Starting or Draining; options and deadlines are checked against it up front instead.
/// </summary>
public static class TimerLimits
{
    /// <summary>The longest duration a timer waits.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    /// <summary>Throws when <paramref name="value"/> is longer than <see cref="Max"/>.</summary>
    /// <param name="value">The duration.</param>
    /// <param name="name">What it is, as the caller sets it (<c>CircuitBreakerOptions.OpenDuration</c>).</param>
    /// <exception cref="ArgumentOutOfRangeException">Naming <paramref name="name"/>, the value and the limit.</exception>
    public static void Check(TimeSpan value, string name)
    {
        if (value > Max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at most {Max.TotalDays:0.0} days (the longest a timer waits), got {value}.");
        }
    }
}
