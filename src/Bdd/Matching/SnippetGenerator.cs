using System.Text;
using System.Text.RegularExpressions;

namespace Bdd.Matching;

/// <summary>
/// Writes a ready-to-paste step definition for an undefined step: the keyword attribute, a Cucumber
/// Expression where quoted text becomes {string}, whole-word integers {int} and decimals {float}
/// (other Cucumber special characters escaped), typed parameters p0, p1... (string, int, double),
/// a last DataTable or string parameter for a data table or doc string, and a PendingStepException body.
/// </summary>
internal static partial class SnippetGenerator
{
    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*'|(?<=^|\s)-?\d+(?:\.\d+)?(?=$|\s|[,;:!?]|\.(?:\s|$))")]
    private static partial Regex ParameterCandidates();

    public static string Generate(StepDefinitionType type, string text, StepArgumentKind argument)
    {
        var expression = new StringBuilder();
        var parameters = new List<string>();
        var nameWords = new StringBuilder(type.ToString());
        var position = 0;
        foreach (Match match in ParameterCandidates().Matches(text))
        {
            AppendLiteral(expression, nameWords, text[position..match.Index]);
            var value = match.Value;
            var (parameterType, csharpType) = value[0] is '"' or '\'' ? ("string", "string")
                : value.Contains('.') ? ("float", "double")
                : ("int", "int");
            expression.Append('{').Append(parameterType).Append('}');
            parameters.Add($"{csharpType} p{parameters.Count}");
            position = match.Index + match.Length;
        }
        AppendLiteral(expression, nameWords, text[position..]);
        if (argument == StepArgumentKind.DataTable)
            parameters.Add("DataTable dataTable");
        else if (argument == StepArgumentKind.DocString)
            parameters.Add("string docString");

        var snippet = new StringBuilder();
        snippet.Append('[').Append(type).Append("(\"").Append(CSharpString(expression.ToString())).Append("\")]\n");
        snippet.Append("public void ").Append(nameWords).Append('(').Append(string.Join(", ", parameters)).Append(")\n");
        snippet.Append("{\n    throw new PendingStepException();\n}");
        return snippet.ToString();
    }

    private static void AppendLiteral(StringBuilder expression, StringBuilder nameWords, string literal)
    {
        foreach (var c in literal)
        {
            if (c is '(' or ')' or '{' or '}' or '/' or '\\')
                expression.Append('\\');
            expression.Append(c);
        }
        var startOfWord = true;
        foreach (var c in literal)
        {
            if (char.IsLetterOrDigit(c) && c < 128 || char.IsLetter(c))
            {
                nameWords.Append(startOfWord ? char.ToUpperInvariant(c) : c);
                startOfWord = false;
            }
            else
            {
                startOfWord = true;
            }
        }
    }

    private static string CSharpString(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\t': builder.Append(@"\t"); break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }
}
