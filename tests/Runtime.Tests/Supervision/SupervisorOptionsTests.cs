using FluentAssertions;
using Runtime.Supervision;
using Xunit;

namespace Runtime.Tests.Supervision;

public sealed class SupervisorOptionsTests
{
    public static TheoryData<string, Action<SupervisorOptions>> NullSubOptions() => new()
    {
        { "SupervisorOptions.Health", o => o.Health = null! },
        { "SupervisorOptions.CrashDetection", o => o.CrashDetection = null! },
        { "SupervisorOptions.Backoff", o => o.Backoff = null! },
        { "SupervisorOptions.CircuitBreaker", o => o.CircuitBreaker = null! },
        { "SupervisorOptions.RestartLimits", o => o.RestartLimits = null! },
    };

    [Theory]
    [MemberData(nameof(NullSubOptions))]
    public void Validate_NullSubOption_IsRefusedNamingIt(string name, Action<SupervisorOptions> clear)
    {
        var options = new SupervisorOptions();
        clear(options);

        var act = options.Validate;

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be(name, "a bare NullReferenceException would not say which option is missing");
    }
}
