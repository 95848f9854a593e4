using System.Collections.Generic;

namespace Bdd.Gherkin.Dialects
{
    /// <summary>
    /// Every official Gherkin dialect (the table is generated into GherkinDialects.g.cs from
    /// @cucumber/gherkin's gherkin-languages.json). Lookup is by exact, case-sensitive code.
    /// </summary>
    public static partial class GherkinDialects
    {
        private static readonly object Gate = new object();
        private static Dictionary<string, GherkinDialect>? all;

        /// <summary>All language codes, in the order of gherkin-languages.json.</summary>
        public static IReadOnlyCollection<string> Languages => All.Keys;

        /// <summary>Finds the dialect for a code such as "en" or "ja"; false for an unknown code.</summary>
        public static bool TryGet(string language, out GherkinDialect dialect)
        {
            if (language != null && All.TryGetValue(language, out var found))
            {
                dialect = found;
                return true;
            }

            dialect = null!;
            return false;
        }

        private static Dictionary<string, GherkinDialect> All
        {
            get
            {
                lock (Gate)
                {
                    return all ??= CreateAll();
                }
            }
        }
    }
}
