using System.Text.Json.Nodes;
using Bdd.Messages;
using FluentAssertions;
using Xunit;

namespace Bdd.Gherkin.Tests.Conformance;

/// <summary>
/// Our NDJSON for every corpus file against what @cucumber/gherkin printed for it
/// (testdata/generate-goldens.mjs): same envelopes, semantically equal JSON, and the same text
/// (so field order and omitted fields match the reference too).
/// </summary>
public class ReferenceConformanceTests
{
    public static TheoryData<string> GoodFiles() => new(Corpus.FeatureUris("good"));

    public static TheoryData<string> BadFiles() => new(Corpus.FeatureUris("bad"));

    [Theory]
    [MemberData(nameof(GoodFiles))]
    public void GherkinEnvelopes_GoodFile_MatchReference(string uri) => AssertMatchesGolden(uri);

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void GherkinEnvelopes_BadFile_MatchReference(string uri) => AssertMatchesGolden(uri);

    [Fact]
    public void Corpus_HasTheCompatibilityKitAndOwnFiles()
    {
        Corpus.FeatureUris("good/cck").Should().HaveCountGreaterThanOrEqualTo(46);
        Corpus.FeatureUris("bad").Should().HaveCountGreaterThanOrEqualTo(10);
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void GherkinEnvelopes_BadFile_HasOnlySourceAndParseErrors(string uri)
    {
        var lines = MessageWriter.GherkinEnvelopes(uri, Corpus.ReadSource(uri), new GherkinMessageOptions(), new IncrementingIdGenerator());

        lines.Skip(1).Should().NotBeEmpty().And.OnlyContain(line => line.StartsWith("{\"parseError\":", StringComparison.Ordinal));
    }

    private static void AssertMatchesGolden(string uri)
    {
        var expected = Corpus.ReadGoldenLines(uri);
        var actual = MessageWriter.GherkinEnvelopes(uri, Corpus.ReadSource(uri), new GherkinMessageOptions(), new IncrementingIdGenerator());

        actual.Select(EnvelopeKind).Should().Equal(expected.Select(EnvelopeKind), "the envelope kinds and their order must match");
        for (var i = 0; i < expected.Length; i++)
        {
            JsonNode.DeepEquals(JsonNode.Parse(actual[i]), JsonNode.Parse(expected[i]))
                .Should().BeTrue($"line {i + 1} of {uri} must be the same JSON.\nexpected: {expected[i]}\nactual:   {actual[i]}");
            actual[i].Should().Be(expected[i], $"line {i + 1} of {uri} must keep the reference's field order and formatting");
        }
    }

    private static string EnvelopeKind(string line) => JsonNode.Parse(line)!.AsObject().Single().Key;
}
