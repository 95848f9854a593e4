using System.Collections.Generic;

namespace Bdd.Gherkin.Dialects
{
    /// <summary>
    /// The keywords of one Gherkin language, as listed in Cucumber's gherkin-languages.json.
    /// Title keywords (feature, rule, scenario, ...) carry no colon; step keywords keep their
    /// trailing space where the language has one ("Given ", "* "), none for e.g. Japanese ("前提").
    /// </summary>
    public sealed class GherkinDialect
    {
        /// <summary>Creates a dialect. Lists are kept in the given order (the parser depends on it).</summary>
        public GherkinDialect(
            string language, string name, string native,
            IReadOnlyList<string> feature, IReadOnlyList<string> background, IReadOnlyList<string> rule,
            IReadOnlyList<string> scenario, IReadOnlyList<string> scenarioOutline, IReadOnlyList<string> examples,
            IReadOnlyList<string> given, IReadOnlyList<string> when, IReadOnlyList<string> then,
            IReadOnlyList<string> and, IReadOnlyList<string> but)
        {
            Language = language;
            Name = name;
            Native = native;
            Feature = feature;
            Background = background;
            Rule = rule;
            Scenario = scenario;
            ScenarioOutline = scenarioOutline;
            Examples = examples;
            Given = given;
            When = when;
            Then = then;
            And = and;
            But = but;
        }

        /// <summary>The code used in a <c># language: xx</c> header, e.g. "en", "ja", "sr-Cyrl".</summary>
        public string Language { get; }

        /// <summary>English name of the language, e.g. "Japanese".</summary>
        public string Name { get; }

        /// <summary>Native name of the language, e.g. "日本語".</summary>
        public string Native { get; }

        public IReadOnlyList<string> Feature { get; }
        public IReadOnlyList<string> Background { get; }
        public IReadOnlyList<string> Rule { get; }
        public IReadOnlyList<string> Scenario { get; }
        public IReadOnlyList<string> ScenarioOutline { get; }
        public IReadOnlyList<string> Examples { get; }
        public IReadOnlyList<string> Given { get; }
        public IReadOnlyList<string> When { get; }
        public IReadOnlyList<string> Then { get; }
        public IReadOnlyList<string> And { get; }
        public IReadOnlyList<string> But { get; }
    }
}
