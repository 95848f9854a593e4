using System.Text.RegularExpressions;

namespace Bdd.Expressions;

/// <summary>
/// Tells a regular expression from a Cucumber Expression the way Reqnroll's CucumberExpressionDetector does:
/// <list type="number">
/// <item>starts with <c>^</c> or ends with <c>$</c> → regular expression;</item>
/// <item>contains a parameter <c>{name}</c> or <c>{}</c> → Cucumber Expression;</item>
/// <item>contains one of Reqnroll's common regex step patterns - a group ending in <c>*</c> or <c>+</c>
/// such as <c>(.*)</c> or <c>(\d+)</c>, a <c>.*</c>, an escaped dot <c>\.</c> or <c>\d+</c> → regular expression;</item>
/// <item>otherwise → Cucumber Expression (plain text reads the same either way).</item>
/// </list>
/// Anything else regex-like (<c>[a-z]</c>, <c>\w</c>, <c>(?:...)</c>) is read as a Cucumber Expression, as in
/// Reqnroll: start it with <c>^</c> or set <c>ExpressionType = ExpressionType.RegularExpression</c>.
/// </summary>
internal static partial class ExpressionDetector
{
    [GeneratedRegex(@"\{\w*\}")]
    private static partial Regex ParameterPlaceholder();

    [GeneratedRegex(@"\([^)]+[*+]\)|\.\*")]
    private static partial Regex CommonRegexPatterns();

    [GeneratedRegex(@"\\\.|\\d\+")]
    private static partial Regex ExtendedRegexPatterns();

    public static bool IsRegularExpression(string expression)
    {
        if (expression.StartsWith('^') || (expression.EndsWith('$') && !expression.EndsWith("\\$", StringComparison.Ordinal)))
            return true;
        if (ParameterPlaceholder().IsMatch(expression))
            return false;
        return CommonRegexPatterns().IsMatch(expression) || ExtendedRegexPatterns().IsMatch(expression);
    }
}
