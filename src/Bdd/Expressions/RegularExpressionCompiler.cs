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
        return new StepExpression(expression, kind, regex, groups, new ParameterType?[groups.Length], FirstWord(body));
    }

    /// <summary>The literal first word of a regex body, or null when it may vary (metacharacters, alternation).</summary>
    internal static string? FirstWord(string body)
    {
        if (body.Contains('|'))
            return null;
        var end = 0;
        while (end < body.Length && !char.IsWhiteSpace(body[end]))
        {
            if (MetaCharacters.Contains(body[end]))
                return null;
            end++;
        }
        if (end == 0)
            return null;
        // "\s" or "\ " would be metacharacters above; a literal space ends the word.
        return body[..end];
    }
}
