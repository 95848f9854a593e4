using System.Text;
using System.Text.RegularExpressions;

namespace Bdd.Expressions;

/// <summary>
/// Compiles a Cucumber Expression to a whole-text regex: <c>{type}</c> parameters, optional text
/// <c>(s)</c>, alternatives <c>a/b</c> (bounded by whitespace and parameters), escapes <c>\( \{ \/ \\</c>.
/// Each parameter becomes a named group (ExplicitCapture), so custom parameter regexes may contain groups.
/// </summary>
internal static class CucumberExpressionCompiler
{
    private enum NodeKind { Text, Whitespace, Optional, Parameter, Alternation }

    private readonly record struct Node(NodeKind Kind, string Value);

    /// <param name="expression">The expression as written.</param>
    /// <param name="resolve">Finds the parameter type for a name and the argument index; null = unknown.</param>
    public static StepExpression Compile(string expression, Func<string, int, ParameterType?> resolve)
    {
        var nodes = Tokenize(expression);
        var pattern = new StringBuilder("^(?:");
        var types = new List<ParameterType>();
        var segment = new List<Node>();

        void FlushSegment()
        {
            if (segment.Count == 0)
                return;
            AppendSegment(pattern, segment, expression);
            segment.Clear();
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            switch (node.Kind)
            {
                case NodeKind.Whitespace:
                    FlushSegment();
                    pattern.Append(Regex.Escape(node.Value));
                    break;
                case NodeKind.Parameter:
                    FlushSegment();
                    var type = resolve(node.Value, types.Count)
                        ?? throw new ExpressionException(
                            $"Undefined parameter type '{{{node.Value}}}' in Cucumber Expression '{expression}'. " +
                            "Use a built-in type ({int}, {long}, {float}, {double}, {decimal}, {word}, {string}, {}), an enum type name, or a [StepArgumentTransformation] type name.");
                    pattern.Append("(?<p").Append(types.Count).Append('>').Append(type.Regex).Append(')');
                    types.Add(type);
                    break;
                default:
                    segment.Add(node);
                    break;
            }
        }
        FlushSegment();
        pattern.Append(")$");

        var regex = new Regex(pattern.ToString(), RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
        var groups = new int[types.Count];
        for (var i = 0; i < groups.Length; i++)
            groups[i] = regex.GroupNumberFromName("p" + i);
        return new StepExpression(expression, StepExpressionKind.CucumberExpression, regex, groups, [.. types], LiteralPrefix(nodes));
    }

    /// <summary>The leading text and whitespace up to the first optional, parameter or alternated word.</summary>
    private static string LiteralPrefix(List<Node> nodes)
    {
        var prefix = new StringBuilder();
        var word = new StringBuilder();
        foreach (var node in nodes)
        {
            switch (node.Kind)
            {
                case NodeKind.Text:
                    word.Append(node.Value);
                    break;
                case NodeKind.Whitespace:
                    prefix.Append(word).Append(node.Value);
                    word.Clear();
                    break;
                case NodeKind.Alternation:
                    return prefix.ToString();
                default:
                    return prefix.Append(word).ToString();
            }
        }
        return prefix.Append(word).ToString();
    }

    private static void AppendSegment(StringBuilder pattern, List<Node> segment, string expression)
    {
        if (!segment.Exists(n => n.Kind == NodeKind.Alternation))
        {
            AppendNodes(pattern, segment);
            return;
        }
        pattern.Append("(?:");
        var alternative = new List<Node>();
        var first = true;
        foreach (var node in segment.Append(new Node(NodeKind.Alternation, "/")))
        {
            if (node.Kind != NodeKind.Alternation)
            {
                alternative.Add(node);
                continue;
            }
            if (!alternative.Exists(n => n.Kind == NodeKind.Text))
                throw new ExpressionException($"Empty alternative in Cucumber Expression '{expression}': each side of '/' needs text (escape a literal slash as '\\/').");
            if (!first)
                pattern.Append('|');
            AppendNodes(pattern, alternative);
            alternative.Clear();
            first = false;
        }
        pattern.Append(')');
    }

    private static void AppendNodes(StringBuilder pattern, List<Node> nodes)
    {
        foreach (var node in nodes)
        {
            if (node.Kind == NodeKind.Optional)
                pattern.Append("(?:").Append(Regex.Escape(node.Value)).Append(")?");
            else
                pattern.Append(Regex.Escape(node.Value));
        }
    }

    private static List<Node> Tokenize(string expression)
    {
        var nodes = new List<Node>();
        var text = new StringBuilder();
        void FlushText()
        {
            if (text.Length > 0)
                nodes.Add(new Node(NodeKind.Text, text.ToString()));
            text.Clear();
        }

        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            switch (c)
            {
                case '\\':
                    if (i + 1 >= expression.Length)
                        throw new ExpressionException($"Cucumber Expression '{expression}' ends with an escape character '\\'.");
                    text.Append(expression[++i]);
                    break;
                case '(':
                    FlushText();
                    nodes.Add(new Node(NodeKind.Optional, ReadGroup(expression, ref i, ')', "optional text")));
                    break;
                case '{':
                    FlushText();
                    nodes.Add(new Node(NodeKind.Parameter, ReadGroup(expression, ref i, '}', "parameter")));
                    break;
                case '/':
                    FlushText();
                    nodes.Add(new Node(NodeKind.Alternation, "/"));
                    break;
                case ')' or '}':
                    throw new ExpressionException($"Unmatched '{c}' at column {i + 1} of Cucumber Expression '{expression}' (escape it as '\\{c}').");
                default:
                    if (char.IsWhiteSpace(c))
                    {
                        FlushText();
                        nodes.Add(new Node(NodeKind.Whitespace, c.ToString()));
                    }
                    else
                    {
                        text.Append(c);
                    }
                    break;
            }
        }
        FlushText();
        return nodes;
    }

    /// <summary>Reads from the opening character at <paramref name="i"/> to <paramref name="close"/>; leaves i on it.</summary>
    private static string ReadGroup(string expression, ref int i, char close, string what)
    {
        var start = i;
        var content = new StringBuilder();
        for (i++; i < expression.Length; i++)
        {
            var c = expression[i];
            if (c == '\\' && i + 1 < expression.Length)
            {
                content.Append(expression[++i]);
                continue;
            }
            if (c == close)
            {
                if (close == ')' && content.Length == 0)
                    throw new ExpressionException($"Empty optional text '()' at column {start + 1} of Cucumber Expression '{expression}'.");
                return content.ToString();
            }
            if (c is '(' or '{' or '/' && !(close == ')' && c == '/'))
                throw new ExpressionException($"'{c}' is not allowed inside the {what} starting at column {start + 1} of Cucumber Expression '{expression}'.");
            content.Append(c);
        }
        throw new ExpressionException($"The {what} starting at column {start + 1} of Cucumber Expression '{expression}' is not closed with '{close}'.");
    }
}
