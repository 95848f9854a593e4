using System.Text.Json.Nodes;
using Bdd.Messages;
using FluentAssertions;
using Xunit;

namespace Bdd.Gherkin.Tests.Messages;

public class JsonLineWriterTests
{
    [Fact]
    public void Value_SpecialCharacters_AreEscapedLikeJsonStringify()
    {
        var json = new JsonLineWriter().Value("q\" b\\ \n\r\t\b\f \u0001 \u001f é 😀 \u2028").ToString();

        json.Should().Be("\"q\\\" b\\\\ \\n\\r\\t\\b\\f \\u0001 \\u001f é 😀 \u2028\"");
        JsonNode.Parse(json)!.GetValue<string>().Should().Be("q\" b\\ \n\r\t\b\f \u0001 \u001f é 😀 \u2028");
    }

    [Fact]
    public void Value_LoneSurrogate_IsEscapedLowercase()
    {
        new JsonLineWriter().Value("a\uD83Db\uDE00").ToString().Should().Be("\"a\\ud83db\\ude00\"");
    }

    [Fact]
    public void Properties_AreWrittenInOrderWithoutWhitespace()
    {
        var json = new JsonLineWriter().StartObject().String("b", "1").Number("a", 2).StringIfNotNull("skipped", null)
            .Name("list").StartArray().Value(true).Null().EndArray().EndObject().ToString();

        json.Should().Be("{\"b\":\"1\",\"a\":2,\"list\":[true,null]}");
    }

    [Fact]
    public void Timestamp_IsSecondsAndNanosSinceEpoch()
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);

        var json = new JsonLineWriter().StartObject().Timestamp("timestamp", time).Duration("duration", TimeSpan.FromMilliseconds(1500)).EndObject().ToString();

        json.Should().Be("{\"timestamp\":{\"seconds\":1700000000,\"nanos\":123000000},\"duration\":{\"seconds\":1,\"nanos\":500000000}}");
    }
}
