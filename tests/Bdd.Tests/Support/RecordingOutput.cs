using System.Collections.Concurrent;
using Bdd.Execution;

namespace Bdd.Tests.Support;

/// <summary>Collects the lines a scenario writes.</summary>
public sealed class RecordingOutput : IScenarioOutput
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public string Text => string.Join("\n", _lines);

    public void WriteLine(string message) => _lines.Enqueue(message);
}
