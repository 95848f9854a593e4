using Reqnroll.Bindings;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

namespace FeatureXunit;

/// <summary>
/// The Reqnroll runtime plugin for xUnit: the unit-test provider named <c>xunit</c>, test output to the
/// scenario's <c>ITestOutputHelper</c>, Reqnroll's attachment handler, and a binding invoker whose failed steps name
/// themselves in the reports (<see cref="StepLocationBindingInvoker"/>). The test assembly names it with <c>[assembly: RuntimePlugin(...)]</c>
/// (src/FeatureCodeBehind/build/AssemblyHooks.cs), which Reqnroll always reads.
/// </summary>
public sealed class XunitRuntimePlugin : IRuntimePlugin
{
    /// <summary>The provider name, as Reqnroll.xUnit registers it.</summary>
    public const string ProviderName = "xunit";

    /// <inheritdoc />
    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters, UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        ArgumentNullException.ThrowIfNull(runtimePluginEvents);
        ArgumentNullException.ThrowIfNull(unitTestProviderConfiguration);
        runtimePluginEvents.RegisterGlobalDependencies += (_, e) =>
            e.ObjectContainer.RegisterTypeAs<XunitRuntimeProvider, IUnitTestRuntimeProvider>(ProviderName);
        runtimePluginEvents.CustomizeGlobalDependencies += (_, e) =>
            e.ObjectContainer.RegisterTypeAs<StepLocationBindingInvoker, IAsyncBindingInvoker>();
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterTypeAs<TestOutputTraceListener, ITraceListener>();
            e.ObjectContainer.RegisterTypeAs<ReqnrollAttachmentHandler, IReqnrollAttachmentHandler>();
        };
        unitTestProviderConfiguration.UseUnitTestProvider(ProviderName);
    }
}
