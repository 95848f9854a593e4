using System.Text.RegularExpressions;

namespace Bdd.Expressions;

/// <summary>
/// Tells a regular expression from a Cucumber Expression the way Reqnroll's CucumberExpressionDetector does:
/// <list type="number">
/// <item>starts with <c>^</c> or ends with <c>$</c> → regular expression;</item>
/// <item>contains a parameter <c>{name}</c> or <c>{}</c> → Cucumber Expression;</item>
/// <item>contains a regex-only construct - a group ending in <c>*</c> or <c>+</c> such as <c>(.*)</c> or
/// <c>(\d+)</c>, <c>.*</c>, <c>.+</c>, a character class escape (<c>\d</c> <c>\w</c> <c>\s</c>), an escaped dot
/// <c>\.</c>, a character set <c>[...]</c> or a <c>(?</c> group → regular expression;</item>
/// <item>otherwise → Cucumber Expression (plain text reads the same either way).</item>
/// </list>
/// </summary>
internal static partial class ExpressionDetector
{
    [GeneratedRegex(@"\{\w*\}")]
    private static partial Regex ParameterPlaceholder();

    [GeneratedRegex(@"\([^)]*[*+]\)|\.[*+]|\\[dDwWsS.]|\[[^\]]+\]|\(\?")]
    private static partial Regex RegexOnlyConstruct();

    public static bool IsRegularExpression(string expression)
    {
        if (expression.StartsWith('^') || (expression.EndsWith('$') && !expression.EndsWith("\\$", StringComparison.Ordinal)))
            return true;
        if (ParameterPlaceholder().IsMatch(expression))
            return false;
        return RegexOnlyConstruct().IsMatch(expression);
    }
}
