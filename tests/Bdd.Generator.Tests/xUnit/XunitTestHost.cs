using System.Reflection;
using Bdd.xUnit;
using FluentAssertions;
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

    /// <summary>The test cases of one scenario method, as the framework's discoverer makes them.</summary>
    public static IReadOnlyList<IXunitTestCase> Discover(Type type, string methodName)
    {
        var method = TestMethod(type, methodName);
        if (!ScenarioDiscoverer.TryGetScenarioLine(method, out var line))
        {
            throw new InvalidOperationException($"{type.Name}.{methodName} is not a scenario method");
        }

        return ScenarioDiscoverer.Discover(new DiscoveryOptions(), method, line);
    }

    /// <summary>Every test case of <paramref name="assembly"/>, found the way the runners find them (the registered framework's discoverer).</summary>
    public static IReadOnlyList<ITestCase> DiscoverAssembly(Assembly assembly)
    {
        var sink = new CollectingSink();
        using (var framework = new BddTestFramework(new NullMessageSink()))
        using (var discoverer = framework.GetDiscoverer(Reflector.Wrap(assembly)))
        {
            discoverer.Find(includeSourceInformation: false, sink, new DiscoveryOptions());
            sink.Finished.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue("discovery finishes");
        }

        return sink.TestCases;
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

    private sealed class CollectingSink : Xunit.LongLivedMarshalByRefObject, IMessageSink
    {
        private readonly List<ITestCase> _testCases = [];

        public ManualResetEventSlim Finished { get; } = new();

        public IReadOnlyList<ITestCase> TestCases
        {
            get
            {
                lock (_testCases)
                {
                    return _testCases.ToList();
                }
            }
        }

        public bool OnMessage(IMessageSinkMessage message)
        {
            if (message is ITestCaseDiscoveryMessage discovered)
            {
                lock (_testCases)
                {
                    _testCases.Add(discovered.TestCase);
                }
            }
            else if (message is IDiscoveryCompleteMessage)
            {
                Finished.Set();
            }

            return true;
        }
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
