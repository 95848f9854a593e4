using LivingDoc.Messages;
using LivingDoc.Model;

namespace LivingDoc.Tests;

/// <summary>The requirements catalogue: a Markdown file of "## id: title" sections, named by living-doc.json.</summary>
public sealed class RequirementsCatalogueTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("living-doc-req-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Read_EachSection_IsARequirementWithItsDescription()
    {
        var requirements = RequirementsCatalogue.Read(Path.Combine(SampleRun.Folder, "requirements.md"));

        requirements.Select(r => (r.Id, r.Title)).Should().Equal(
            ("small", "Small steps count exactly"), ("large", "Large steps count exactly"),
            ("rule-tag", "Rules carry their tags to their scenarios"), ("uncovered", "Counters can be reset"));
        requirements[0].Description.Should().Be("A counter increased by a **small** number reads that number.");
    }

    [Theory]
    [InlineData("# R\n\n## OC-1 without a colon\n", ":3: a requirement's heading should be '## <id>: <title>'")]
    [InlineData("## OC-1: One\n\n## OC-1: Again\n", ":3: requirement OC-1 is in the catalogue twice")]
    public void Read_ABadCatalogue_NamesTheFileAndTheLine(string text, string message)
    {
        var path = Path.Combine(_folder, "requirements.md");
        File.WriteAllText(path, text);

        var read = () => RequirementsCatalogue.Read(path);

        read.Should().Throw<FormatException>().WithMessage($"{path}{message}*");
    }

    [Fact]
    public void Config_TheCatalogue_IsRelativeToTheSettingsFile()
    {
        var config = LivingDocConfig.Read(Path.Combine(SampleRun.Folder, "living-doc.json"));

        config.Catalogue.Should().Be(Path.Combine(SampleRun.Folder, "requirements.md"));
        config.RequirementUrl.Should().BeNull();
    }

    [Fact]
    public void TheRepository_CataloguesEveryRequirementTagOfItsFeatures()
    {
        var root = Support.Repository.Root();
        var config = LivingDocConfig.Read(Path.Combine(root, "living-doc.json"));
        var catalogued = RequirementsCatalogue.Read(config.Catalogue!).Select(r => r.Id).ToHashSet();

        var tagged = FeatureFiles.Read(Path.Combine(root, "features")).SelectMany(f => f.Pickles).SelectMany(p => p.Tags)
            .Select(t => config.RequirementOf(t.Name)).OfType<string>().ToHashSet();

        tagged.Should().NotBeEmpty().And.BeSubsetOf(catalogued);
        catalogued.Should().BeSubsetOf(tagged, "every catalogued requirement has a scenario");
        config.RequirementUrl.Should().BeNull("no placeholder tracker host");
    }
}
