using System.Text.RegularExpressions;

namespace Bdd.Expressions;

/// <summary>
/// Compiles a step definition's regular expression so it matches the whole step text (a leading
/// <c>^</c> and trailing <c>$</c> are optional, as in Reqnroll). Every numbered group is an argument.
/// </summary>
internal static class RegularExpressionCompiler
{
    private const string MetaCharacters = @"\^$.|?*+()[]{}";

    public static StepExpression Compile(string expression, RegexOptions extraOptions = RegexOptions.None, StepExpressionKind kind = StepExpressionKind.RegularExpression)
    {
        var body = expression;
        if (body.StartsWith('^'))
            body = body[1..];
        if (body.EndsWith('$') && !body.EndsWith("\\$", StringComparison.Ordinal))
            body = body[..^1];

        Regex regex;
        try
        {
            regex = new Regex("^(?:" + body + ")$", RegexOptions.Compiled | RegexOptions.CultureInvariant | extraOptions);
        }
        catch (ArgumentException e)
        {
            throw new ExpressionException($"Invalid regular expression '{expression}': {e.Message}");
        }

        var numbers = regex.GetGroupNumbers();
        var groups = new int[numbers.Length - 1];
        Array.Copy(numbers, 1, groups, 0, groups.Length);
        var caseSensitive = (extraOptions & RegexOptions.IgnoreCase) == 0;
        return new StepExpression(expression, kind, regex, groups, new ParameterType?[groups.Length], caseSensitive ? LiteralPrefix(body) : "");
    }

    /// <summary>The literal text a regex body starts with (none with a top-level-unsafe '|'; a quantified last character is dropped).</summary>
    internal static string LiteralPrefix(string body)
    {
        if (body.Contains('|'))
            return string.Empty;
        var end = 0;
        while (end < body.Length && !MetaCharacters.Contains(body[end]))
            end++;
        if (end < body.Length && body[end] is '?' or '*' or '{' && end > 0)
            end--;
        return body[..end];
    }
}
