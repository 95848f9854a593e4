using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Bdd.Expressions;

/// <summary>
/// Cucumber's built-in parameter types: {int} {long} {byte} {short} {biginteger} (integers),
/// {float} {double} {decimal} {bigdecimal} (decimals with the binding culture's separator),
/// {word} (no whitespace), {string} (single or double quoted; quotes stripped, \" and \' unescaped)
/// and {} (anything).
/// </summary>
internal static class BuiltInParameterTypes
{
    private const string IntegerRegex = @"[-+]?\d+";
    private const string StringRegex = @"""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*'";

    public static Dictionary<string, ParameterType> Create(CultureInfo culture)
    {
        var separator = Regex.Escape(culture.NumberFormat.NumberDecimalSeparator);
        var decimalRegex = $@"[-+]?(?:\d+(?:{separator}\d+)?|{separator}\d+)(?:[eE][-+]?\d+)?";
        var types = new Dictionary<string, ParameterType>(StringComparer.Ordinal);
        foreach (var name in new[] { "int", "long", "byte", "short", "biginteger" })
            types[name] = new ParameterType(name, IntegerRegex);
        foreach (var name in new[] { "float", "double", "decimal", "bigdecimal" })
            types[name] = new ParameterType(name, decimalRegex);
        types["word"] = new ParameterType("word", @"[^\s]+");
        types["string"] = new ParameterType("string", StringRegex, Unquote);
        types[""] = new ParameterType("", ".*");
        return types;
    }

    /// <summary>Strips the surrounding quotes and unescapes \" and \'.</summary>
    public static string Unquote(string quoted)
    {
        if (quoted.Length < 2)
            return quoted;
        var inner = quoted.AsSpan(1, quoted.Length - 2);
        if (inner.IndexOf('\\') < 0)
            return inner.ToString();
        var builder = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length && inner[i + 1] is '"' or '\'')
                i++;
            builder.Append(inner[i]);
        }
        return builder.ToString();
    }
}
