using System.Reflection;
using Bdd.xUnit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Bdd.Generator.Tests.xUnit;

/// <summary>Discovers and runs scenario test cases in-process, the way xUnit's runner does, collecting the messages.</summary>
internal static class XunitTestHost
{
    public static ITestMethod TestMethod(Type type, string methodName)
    {
        var assembly = new TestAssembly(Reflector.Wrap(type.Assembly));
        var collection = new TestCollection(assembly, null, "collection");
        return new Xunit.Sdk.TestMethod(new TestClass(collection, Reflector.Wrap(type)), Reflector.Wrap(type.GetMethod(methodName)!));
    }

    public static IReadOnlyList<IXunitTestCase> Discover(Type type, string methodName)
    {
        var method = TestMethod(type, methodName);
        var scenario = method.Method.GetCustomAttributes(typeof(ScenarioAttribute)).Single();
        return new ScenarioDiscoverer(new NullMessageSink()).Discover(new DiscoveryOptions(), method, scenario).ToList();
    }

    public static async Task<(RunSummary Summary, IReadOnlyList<IMessageSinkMessage> Messages)> RunAsync(IXunitTestCase testCase)
    {
        var bus = new CollectingMessageBus();
        var summary = await testCase.RunAsync(new NullMessageSink(), bus, [], new ExceptionAggregator(), new CancellationTokenSource());
        return (summary, bus.Messages);
    }

    private sealed class DiscoveryOptions : ITestFrameworkDiscoveryOptions
    {
        private readonly Dictionary<string, object?> _values = [];

        public TValue GetValue<TValue>(string name) => _values.TryGetValue(name, out var value) && value is TValue typed ? typed : default!;

        public void SetValue<TValue>(string name, TValue value) => _values[name] = value;
    }

    private sealed class CollectingMessageBus : IMessageBus
    {
        private readonly List<IMessageSinkMessage> _messages = [];

        public IReadOnlyList<IMessageSinkMessage> Messages
        {
            get
            {
                lock (_messages)
                {
                    return _messages.ToList();
                }
            }
        }

        public bool QueueMessage(IMessageSinkMessage message)
        {
            lock (_messages)
            {
                _messages.Add(message);
            }

            return true;
        }

        public void Dispose()
        {
        }
    }
}
