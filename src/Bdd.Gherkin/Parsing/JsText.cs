// String helpers with JavaScript semantics, so that trimming, whitespace tests and column counts
// agree with the reference implementation (@cucumber/gherkin, MIT) character for character.
namespace Bdd.Gherkin.Parsing
{
    internal static class JsText
    {
        /// <summary>JavaScript's <c>\s</c> (and String.prototype.trim's) whitespace set.</summary>
        public static bool IsWhiteSpace(char c)
        {
            switch (c)
            {
                case '\t':
                case '\n':
                case '\v':
                case '\f':
                case '\r':
                case ' ':
                case '\u00A0':
                case '\u1680':
                case '\u2028':
                case '\u2029':
                case '\u202F':
                case '\u205F':
                case '\u3000':
                case '\uFEFF':
                    return true;
                default:
                    return c >= '\u2000' && c <= '\u200A';
            }
        }

        public static string TrimStart(string s)
        {
            var start = 0;
            while (start < s.Length && IsWhiteSpace(s[start]))
            {
                start++;
            }

            return start == 0 ? s : s.Substring(start);
        }

        public static string TrimEnd(string s)
        {
            var end = s.Length;
            while (end > 0 && IsWhiteSpace(s[end - 1]))
            {
                end--;
            }

            return end == s.Length ? s : s.Substring(0, end);
        }

        public static string Trim(string s) => TrimEnd(TrimStart(s));

        /// <summary>Length in code points: a surrogate pair counts once (the reference's countSymbols).</summary>
        public static int CountSymbols(string s)
        {
            var count = s.Length;
            for (var i = 0; i + 1 < s.Length; i++)
            {
                if (char.IsHighSurrogate(s[i]) && char.IsLowSurrogate(s[i + 1]))
                {
                    count--;
                    i++;
                }
            }

            return count;
        }
    }
}
