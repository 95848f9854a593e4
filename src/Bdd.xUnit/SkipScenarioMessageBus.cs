using Xunit.Abstractions;
using Xunit.Sdk;

namespace Bdd.xUnit;

/// <summary>
/// Forwards every message to the real bus, except a test failure caused by <see cref="SkipScenarioException"/>,
/// which becomes a "test skipped" message with the exception's message as the reason.
/// Does not own (or dispose) the inner bus.
/// </summary>
internal sealed class SkipScenarioMessageBus : IMessageBus
{
    private static readonly string SkipExceptionType = typeof(SkipScenarioException).FullName!;
    private readonly IMessageBus _inner;
    private int _skippedCount;

    public SkipScenarioMessageBus(IMessageBus inner) => _inner = inner;

    /// <summary>How many failures were turned into skips.</summary>
    public int SkippedCount => Volatile.Read(ref _skippedCount);

    public bool QueueMessage(IMessageSinkMessage message)
    {
        if (message is ITestFailed failed && failed.ExceptionTypes.Length > 0 && failed.ExceptionTypes[0] == SkipExceptionType)
        {
            Interlocked.Increment(ref _skippedCount);
            return _inner.QueueMessage(new TestSkipped(failed.Test, failed.Messages[0]));
        }

        return _inner.QueueMessage(message);
    }

    public void Dispose()
    {
        // The inner bus belongs to the assembly runner.
    }
}
