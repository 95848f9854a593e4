using Bdd.Gherkin.Ast;
using Bdd.Messages;
using FluentAssertions;
using Xunit;

namespace Bdd.Gherkin.Tests.Messages;

public class EnvelopeTests
{
    [Fact]
    public void Create_AnyKind_WrapsTheBodyInAnEnvelope()
    {
        Envelope.Create("testRunFinished", w => w.Boolean("success", true))
            .Should().Be("{\"testRunFinished\":{\"success\":true}}");
    }

    [Fact]
    public void Source_UsesTheGherkinPlainMediaType()
    {
        Envelope.Source("a.feature", "Feature: x\n")
            .Should().Be("{\"source\":{\"data\":\"Feature: x\\n\",\"uri\":\"a.feature\",\"mediaType\":\"text/x.cucumber.gherkin+plain\"}}");
    }

    [Fact]
    public void ParseError_WithoutColumn_OmitsTheColumn()
    {
        var error = new ParseError("a.feature", new Location(6), "(6:0): unexpected end of file, expected: #Other");

        Envelope.ParseError(error).Should().Be(
            "{\"parseError\":{\"source\":{\"uri\":\"a.feature\",\"location\":{\"line\":6}},\"message\":\"(6:0): unexpected end of file, expected: #Other\"}}");
    }

    [Fact]
    public void GherkinEnvelopes_NoAstNoPickles_GivesOnlySource()
    {
        var options = new GherkinMessageOptions { IncludeGherkinDocument = false, IncludePickles = false };

        var lines = MessageWriter.GherkinEnvelopes("a.feature", "Feature: x\n  Scenario: y\n", options, new IncrementingIdGenerator());

        lines.Should().ContainSingle().Which.Should().StartWith("{\"source\":");
    }

    [Fact]
    public void GherkinEnvelopes_NoSource_StartsWithTheDocumentThenPickles()
    {
        var options = new GherkinMessageOptions { IncludeSource = false };

        var lines = MessageWriter.GherkinEnvelopes("a.feature", "Feature: x\n  Scenario: y\n    Given z\n", options, new IncrementingIdGenerator());

        lines.Select(l => l[..l.IndexOf(':')]).Should().Equal("{\"gherkinDocument\"", "{\"pickle\"");
    }

    [Fact]
    public void WriteEnvelope_EndsEachEnvelopeWithNewline()
    {
        var writer = new StringWriter();

        MessageWriter.WriteEnvelope(writer, "{\"a\":{}}");
        MessageWriter.WriteEnvelope(writer, "{\"b\":{}}");

        writer.ToString().Should().Be("{\"a\":{}}\n{\"b\":{}}\n");
    }
}
