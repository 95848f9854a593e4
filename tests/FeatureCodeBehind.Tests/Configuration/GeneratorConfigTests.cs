namespace FeatureCodeBehind.Tests.Configuration;

public sealed class GeneratorConfigTests
{
    [Fact]
    public void Read_RepositorySettings_HasNoWarning()
    {
        var config = GeneratorConfig.Read("""{ "language": { "feature": "en", "binding": "en-US" }, "generator": { "addNonParallelizableMarkerForTags": ["serial", "@gpu"] }, "formatters": {} }""");

        config.Warnings.Should().BeEmpty();
        config.FeatureLanguage.Should().Be("en");
        config.NonParallelizableTags.Should().Equal("serial", "gpu");
    }

    [Fact]
    public void Read_NoSettings_UsesTheDefaults()
    {
        var config = GeneratorConfig.Read("{}");

        config.Should().BeEquivalentTo(GeneratorConfig.Default);
    }

    [Fact]
    public void Read_SectionOfTheWrongType_WarnsAndUsesTheDefaults()
    {
        var config = GeneratorConfig.Read("""{ "generator": [] }""");

        config.Warnings.Should().ContainSingle().Which.Should().Contain("'generator' should be an object");
        config.NonParallelizableTags.Should().BeEmpty();
    }

    [Fact]
    public void Read_ArrayWithANonString_Warns()
    {
        var config = GeneratorConfig.Read("""{ "generator": { "addNonParallelizableMarkerForTags": ["serial", 3] } }""");

        config.Warnings.Should().ContainSingle().Which.Should().Contain("addNonParallelizableMarkerForTags");
        config.NonParallelizableTags.Should().BeEmpty();
    }
}
