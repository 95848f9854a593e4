namespace FeatureCodeBehind.Tests.EndToEnd;

/// <summary>The tests that build and run the sample suite or a copy of it: one at a time, as they share src/FeatureXunit's build and the machine's cores.</summary>
[CollectionDefinition(Name)]
public sealed class SampleBuilds
{
    public const string Name = "Sample builds";
}
