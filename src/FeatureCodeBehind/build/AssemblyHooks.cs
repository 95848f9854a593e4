// Compiled into the test project by FeatureCodeBehind.targets: connects the test assembly to Reqnroll through
// FeatureXunit (what Reqnroll.xUnit's assembly hooks template does).
[assembly: global::Xunit.TestFramework("FeatureXunit.TestRunHooksFramework", "FeatureXunit")]
[assembly: global::Reqnroll.Plugins.RuntimePlugin(typeof(global::FeatureXunit.XunitRuntimePlugin))]

namespace FeatureXunit.Generated
{
    /// <summary>Features tagged with a tag of <c>generator.addNonParallelizableMarkerForTags</c> run in this collection, one at a time.</summary>
    [global::Xunit.CollectionDefinition("ReqnrollNonParallelizableFeatures", DisableParallelization = true)]
    public sealed class NonParallelizableFeatures
    {
    }
}
