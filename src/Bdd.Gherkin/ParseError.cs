namespace Bdd.Gherkin
{
    /// <summary>
    /// One problem in a feature file. <see cref="Message"/> follows Cucumber's form:
    /// "(line:column): expected: #TagLine, #FeatureLine, #Comment, #Empty, got 'Scenaro: x'".
    /// </summary>
    public sealed record ParseError(string Uri, Ast.Location Location, string Message)
    {
        /// <summary>"path/to/file.feature:12:5: message" - the form compilers and editors link to.</summary>
        public override string ToString() => $"{Uri}:{Location.Line}:{Location.Column ?? 1}: {Message}";
    }
}
