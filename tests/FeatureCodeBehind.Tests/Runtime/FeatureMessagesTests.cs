using FeatureCodeBehind.Tests.Golden;
using FeatureXunit;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.RuntimeSupport;

namespace FeatureCodeBehind.Tests.Runtime;

/// <summary>A feature whose embedded messages are missing or stale must fail its tests, never drop from the reports.</summary>
public sealed class FeatureMessagesTests
{
    private static readonly ParsedFeature Showcase = FeatureParser.Parse(
        "features/golden/showcase.feature", File.ReadAllText(Path.Combine(GoldenFiles.SourceDirectory(), "showcase.feature")), "en-US");

    [Fact]
    public void New_MessagesMatchingTheCodeBehind_DescribeTheFeature()
    {
        var feature = new Fixture(5, new Messages(Showcase.Source, Showcase.Document, Showcase.Pickles, 7));

        feature.Info.Title.Should().Be("Showcase of every construct");
        feature.Info.Tags.Should().Equal("showcase", "serial");
        feature.Info.FolderPath.Should().Be("features/golden");
        feature.Info.Language.Name.Should().Be("en-US");
        feature.Uri.Should().Be("features/golden/showcase.feature");
    }

    [Fact]
    public void New_FewerPicklesThanTests_Throws()
    {
        var create = () => new Fixture(6, new Messages(Showcase.Source, Showcase.Document, Showcase.Pickles, 7));

        create.Should().Throw<InvalidOperationException>().WithMessage("*missing or stale (5 pickles for 6 tests)*");
    }

    [Fact]
    public void New_MissingResource_Throws()
    {
        var create = () => new Fixture(5, new FeatureLevelCucumberMessages("features/golden/nowhere.feature.ndjson", 7));

        create.Should().Throw<InvalidOperationException>().WithMessage("*missing or stale (0 pickles for 5 tests)*");
    }

    [Fact]
    public void New_WrongEnvelopeCount_Throws()
    {
        var create = () => new Fixture(5, new Messages(Showcase.Source, Showcase.Document, Showcase.Pickles, 8));

        create.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void EnsureUnchanged_TheFileStillHoldsTheGeneratedText_Passes()
    {
        using var file = new FeatureFile(Showcase.Source.Data);

        var ensure = () => new Fixture(5, new Messages(Showcase.Source, Showcase.Document, Showcase.Pickles, 7), file.Path).EnsureUnchanged();

        ensure.Should().NotThrow();
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\n# a comment\n")]
    public void EnsureUnchanged_TheFileWasEdited_ThrowsAskingForARebuild(string edit)
    {
        using var file = new FeatureFile(Showcase.Source.Data + edit);

        var ensure = () => new Fixture(5, new Messages(Showcase.Source, Showcase.Document, Showcase.Pickles, 7), file.Path).EnsureUnchanged();

        ensure.Should().Throw<FeatureChangedException>().WithMessage($"features/golden/showcase.feature changed since the test project was built ({file.Path})*Rebuild*");
    }

    [Fact]
    public void EnsureUnchanged_TheFileIsGone_ThrowsAskingForARebuild()
    {
        var ensure = () => new Fixture(5, new Messages(Showcase.Source, Showcase.Document, Showcase.Pickles, 7), "/nowhere/showcase.feature").EnsureUnchanged();

        ensure.Should().Throw<FeatureChangedException>().WithMessage("features/golden/showcase.feature cannot be read at /nowhere/showcase.feature*rebuild*");
    }

    private sealed class Fixture(int tests, IFeatureLevelCucumberMessages messages, string path = "/repo/features/golden/showcase.feature")
        : FeatureMessages(typeof(Fixture).Assembly, "features/golden", "en-US", tests, path, messages);

    /// <summary>A feature file in a temporary folder, deleted with it.</summary>
    private sealed class FeatureFile : IDisposable
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("feature-freshness-");

        public FeatureFile(string text)
        {
            Path = System.IO.Path.Combine(_folder.FullName, "showcase.feature");
            File.WriteAllText(Path, text);
        }

        public string Path { get; }

        public void Dispose() => _folder.Delete(recursive: true);
    }

    /// <summary>Messages as <see cref="FeatureLevelCucumberMessages"/> reads them, with its envelope-count check.</summary>
    private sealed class Messages(Source source, GherkinDocument document, IReadOnlyList<Pickle> pickles, int expectedEnvelopes) : IFeatureLevelCucumberMessages
    {
        public bool HasMessages => pickles.Count + 2 == expectedEnvelopes;

        public GherkinDocument GherkinDocument => document;

        public IEnumerable<Pickle> Pickles => pickles;

        public Source Source => source;
    }
}
