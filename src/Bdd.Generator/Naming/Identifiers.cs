using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Bdd.Generator.Naming
{
    /// <summary>
    /// Turns titles and folder names into C# identifiers: words (runs of letters and digits) are joined with
    /// their first letter upper-cased ("Circuit breaker" -> "CircuitBreaker", "circuit-breaker" -> "CircuitBreaker"),
    /// a leading digit gets a '_' prefix, and an empty result becomes the fallback.
    /// </summary>
    internal static class Identifiers
    {
        public static string PascalCase(string text, string fallback)
        {
            var builder = new StringBuilder(text.Length);
            var startOfWord = true;
            foreach (var c in text)
            {
                if (!IsIdentifierPart(c))
                {
                    startOfWord = true;
                    continue;
                }

                builder.Append(startOfWord ? char.ToUpperInvariant(c) : c);
                startOfWord = false;
            }

            if (builder.Length == 0)
            {
                return fallback;
            }

            if (!IsIdentifierStart(builder[0]))
            {
                builder.Insert(0, '_');
            }

            return builder.ToString();
        }

        /// <summary>Returns <paramref name="name"/>, or it with "_2", "_3", ... appended, so it is not in <paramref name="taken"/>; records it.</summary>
        public static string Unique(string name, HashSet<string> taken)
        {
            var candidate = name;
            for (var suffix = 2; !taken.Add(candidate); suffix++)
            {
                candidate = name + "_" + suffix.ToString(CultureInfo.InvariantCulture);
            }

            return candidate;
        }

        private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

        private static bool IsIdentifierPart(char c)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.UppercaseLetter:
                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.TitlecaseLetter:
                case UnicodeCategory.ModifierLetter:
                case UnicodeCategory.OtherLetter:
                case UnicodeCategory.LetterNumber:
                case UnicodeCategory.DecimalDigitNumber:
                    return true;
                default:
                    return false;
            }
        }
    }
}
