using Bdd.Gherkin.Ast;
using Bdd.Gherkin.Dialects;
using FluentAssertions;
using Xunit;

namespace Bdd.Gherkin.Tests.Dialects;

public class GherkinDialectsTests
{
    public static TheoryData<string> AllLanguages() => new(GherkinDialects.Languages);

    [Fact]
    public void Languages_ContainEveryOfficialDialect()
    {
        GherkinDialects.Languages.Should().HaveCount(80)
            .And.Contain(["en", "ja", "ru", "zh-CN", "sr-Cyrl", "en-pirate", "tlh", "amh"]);
    }

    [Fact]
    public void TryGet_UnknownCode_ReturnsFalse()
    {
        GherkinDialects.TryGet("xx", out _).Should().BeFalse();
        GherkinDialects.TryGet("EN", out _).Should().BeFalse("codes are case-sensitive, as in Cucumber");
    }

    [Fact]
    public void TryGet_Japanese_HasNativeKeywords()
    {
        GherkinDialects.TryGet("ja", out var ja).Should().BeTrue();

        ja.Native.Should().Be("日本語");
        ja.Feature.Should().Contain("フィーチャ");
        ja.Given.Should().Contain("前提");
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void Parse_EveryKeywordKindOfTheDialect_IsRecognised(string language)
    {
        GherkinDialects.TryGet(language, out var d).Should().BeTrue();
        var given = Step(d.Given);
        var when = Step(d.When);
        var then = Step(d.Then);
        var and = Step(d.And);
        var but = Step(d.But);
        var text = $"""
            # language: {language}
            {d.Feature[0]}: f
              {d.Scenario[0]}: s
                {given}a
                {when}b
                {then}c
                {and}d
                {but}e
              {d.ScenarioOutline[0]}: o
                {given}<v>
                {d.Examples[0]}:
                  | v |
                  | 1 |
              {d.Rule[0]}: r
                {d.Background[0]}:
                  {given}f
            """;

        var result = GherkinParser.Parse(text, $"features/{language}.feature");

        result.Errors.Should().BeEmpty();
        var feature = result.Document!.Feature!;
        feature.Language.Should().Be(language);
        feature.Keyword.Should().Be(d.Feature[0]);
        var steps = feature.Children[0].Scenario!.Steps;
        steps.Select(s => s.Keyword).Should().Equal(given, when, then, and, but);
        steps.Select(s => s.KeywordType).Should().Equal(
            ExpectedType(d, given, StepKeywordType.Context), ExpectedType(d, when, StepKeywordType.Action),
            ExpectedType(d, then, StepKeywordType.Outcome), ExpectedType(d, and, StepKeywordType.Conjunction),
            ExpectedType(d, but, StepKeywordType.Conjunction));
        feature.Children[1].Scenario!.Examples[0].TableBody.Should().ContainSingle();
        feature.Children[2].Rule!.Children[0].Background!.Steps.Should().ContainSingle();
    }

    // The first keyword of the kind other than "* " (every dialect has one).
    private static string Step(IReadOnlyList<string> keywords) => keywords.First(k => k != "* ");

    // A keyword listed under more than one kind is Unknown, as in Cucumber.
    private static StepKeywordType ExpectedType(GherkinDialect d, string keyword, StepKeywordType kind)
    {
        var listed = new[] { d.Given, d.When, d.Then, d.And, d.But }.Sum(list => list.Count(k => k == keyword));
        return listed > 1 ? StepKeywordType.Unknown : kind;
    }
}
