using System.Globalization;
using System.Text;

namespace Bdd.Generator.Emitting
{
    /// <summary>C# string literals for any text.</summary>
    internal static class Literals
    {
        /// <summary>A regular literal ("...") with every quote, backslash and non-printable character escaped.</summary>
        public static string String(string? value)
        {
            if (value == null)
            {
                return "null";
            }

            var builder = new StringBuilder(value.Length + 2).Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    case '\0': builder.Append("\\0"); break;
                    default:
                        if (char.IsControl(c) || char.IsSurrogate(c) || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF')
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }

        /// <summary>
        /// A verbatim literal (@"...") keeping the text readable in the generated file: quotes are doubled, every
        /// other character (line ends, braces, backslashes) stands for itself.
        /// </summary>
        public static string Verbatim(string value) => "@\"" + value.Replace("\"", "\"\"") + "\"";
    }
}
