using Reqnroll.BoDi;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;
using Xunit.Abstractions;

namespace FeatureXunit;

/// <summary>Writes Reqnroll's step-by-step output to the running scenario's <see cref="ITestOutputHelper"/>.</summary>
internal sealed class TestOutputTraceListener(ITraceListenerQueue queue, IObjectContainer container) : AsyncTraceListener(queue, container)
{
    private readonly Lazy<IContextManager> _contexts = new(container.Resolve<IContextManager>);

    public override void WriteTestOutput(string message)
    {
        if (Output() is { } output)
        {
            output.WriteLine(message);
        }
        else
        {
            base.WriteTestOutput(message);
        }
    }

    public override void WriteToolOutput(string message)
    {
        if (Output() is { } output)
        {
            output.WriteLine("-> " + message);
        }
        else
        {
            base.WriteToolOutput(message);
        }
    }

    private ITestOutputHelper? Output() =>
        _contexts.Value.ScenarioContext?.ScenarioContainer is { } scenario && scenario.IsRegistered<ITestOutputHelper>()
            ? scenario.Resolve<ITestOutputHelper>()
            : null;
}
