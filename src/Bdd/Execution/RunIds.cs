using Bdd.Gherkin;

namespace Bdd.Execution;

/// <summary>The run's id source: "0", "1", ... unique across every feature and event of one runner. Thread-safe.</summary>
internal sealed class RunIds : IIdGenerator
{
    private long _next = -1;

    public string NewId() => Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
