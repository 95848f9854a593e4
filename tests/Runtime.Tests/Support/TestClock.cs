using Microsoft.Extensions.Time.Testing;

namespace Runtime.Tests.Support;

/// <summary>The tests' clock: a <see cref="FakeTimeProvider"/> that starts at <see cref="Start"/> and moves only when told to.</summary>
internal static class TestClock
{
    /// <summary>Where every test clock starts: 2026-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A new clock at <see cref="Start"/>.</summary>
    public static FakeTimeProvider New() => new(Start);
}
