using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Bdd.Expressions;

/// <summary>
/// Derives a step expression from a method name like Reqnroll does when the attribute has no expression:
/// <c>Given_the_pool_is_ready</c> and <c>GivenThePoolIsReady</c> both match "the pool is ready"
/// (ignoring case); a leading Given/When/Then/And/But is dropped. A word equal to a parameter name
/// (ignoring case, e.g. <c>P0</c> for <c>p0</c>) captures that argument, quoted or not.
/// </summary>
internal static class MethodNameExpression
{
    private static readonly string[] Keywords = ["Given", "When", "Then", "And", "But"];

    public static StepExpression Compile(MethodInfo method)
    {
        var words = SplitWords(method.Name);
        if (words.Count > 1 && Array.Exists(Keywords, k => string.Equals(k, words[0], StringComparison.OrdinalIgnoreCase)))
            words.RemoveAt(0);

        var parameters = method.GetParameters();
        var pattern = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0)
                pattern.Append(@"\s+");
            var parameter = Array.Find(parameters, p => string.Equals(p.Name, words[i], StringComparison.OrdinalIgnoreCase));
            if (parameter is not null)
            {
                pattern.Append(@"[""']?(.*?)[""']?");
            }
            else
            {
                pattern.Append(Regex.Escape(words[i]));
            }
        }
        var source = pattern.ToString();
        var compiled = RegularExpressionCompiler.Compile(source, RegexOptions.IgnoreCase, StepExpressionKind.MethodName);
        var display = method.Name.Contains('_') ? words : words.ConvertAll(w => Array.Exists(parameters, p => string.Equals(p.Name, w, StringComparison.OrdinalIgnoreCase)) ? w : w.ToLowerInvariant());
        return new StepExpression(words.Count == 0 ? method.Name : string.Join(' ', display), StepExpressionKind.MethodName,
            compiled.Regex, compiled.GroupNumbers, compiled.ParameterTypes, literalPrefix: "");
    }

    /// <summary>Splits on underscores when present, else on PascalCase humps.</summary>
    internal static List<string> SplitWords(string name)
    {
        if (name.Contains('_'))
            return [.. name.Split('_', StringSplitOptions.RemoveEmptyEntries)];
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var boundary = i > 0 && char.IsUpper(c)
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])
                    || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
            if (boundary && current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
            current.Append(c);
        }
        if (current.Length > 0)
            words.Add(current.ToString());
        return words;
    }
}
