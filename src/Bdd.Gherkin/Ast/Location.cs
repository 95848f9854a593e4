namespace Bdd.Gherkin.Ast
{
    /// <summary>A position in a feature file: 1-based line, 1-based column (null where Cucumber omits it).</summary>
    public sealed record Location(int Line, int? Column = null)
    {
        public override string ToString() => Column is { } column ? $"{Line}:{column}" : Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
