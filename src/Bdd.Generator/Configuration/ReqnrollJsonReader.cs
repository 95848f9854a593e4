using System.Collections.Generic;
using System.IO;
using System.Linq;
using Bdd.Generator.Model;

namespace Bdd.Generator.Configuration
{
    /// <summary>
    /// Reads what the generator needs from reqnroll.json: <c>generator.addNonParallelizableMarkerForTags</c>
    /// (tags with or without '@', stored without) and <c>language.feature</c> (default "en").
    /// Invalid JSON (comments and trailing commas are fine, as in the runtime), a root that is not an object and
    /// a read key of the wrong type become <see cref="ConfigDiagnostic"/>s ("reqnroll.json(4,12): invalid JSON:
    /// expected ',' or '}'"); the settings then hold what could be read, defaults for the rest.
    /// Unknown keys are ignored here (the runtime warns about them). A null text (unreadable file) yields the defaults.
    /// </summary>
    internal static class ReqnrollJsonReader
    {
        private const string TagsKey = "generator.addNonParallelizableMarkerForTags";

        public static ReqnrollReadResult Read(string? json, string filePath = "reqnroll.json")
        {
            if (json == null)
            {
                return new ReqnrollReadResult(ReqnrollSettings.Default, EquatableArray<ConfigDiagnostic>.Empty);
            }

            var document = TolerantJson.Read(json);
            var diagnostics = new List<ConfigDiagnostic>();
            var fileName = Path.GetFileName(filePath);
            if (document.Error is { } error)
            {
                diagnostics.Add(Diagnostic(json, filePath, error.Position, error.Length, fileName, "invalid JSON: " + error.Message));
            }

            if (!(document.Value is Dictionary<string, object?> root))
            {
                if (document.Error == null)
                {
                    diagnostics.Add(TypeError(json, filePath, fileName, document, string.Empty, "the configuration must be a JSON object", document.Value));
                }

                return new ReqnrollReadResult(ReqnrollSettings.Default, diagnostics.ToEquatableArray());
            }

            // Type problems are reported only in well-formed JSON: in a broken file they are usually echoes of the syntax error.
            var check = document.Error == null;
            var generator = Section(root, "generator", check, json, filePath, fileName, document, diagnostics);
            var tags = new List<string>();
            if (generator != null && generator.TryGetValue("addNonParallelizableMarkerForTags", out var value))
            {
                if (value is List<object?> list)
                {
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (list[i] is string tag)
                        {
                            tags.Add(tag);
                        }
                        else if (check)
                        {
                            diagnostics.Add(TypeError(json, filePath, fileName, document, TagsKey + "[" + i + "]", TagsKey + "[" + i + "] must be a string", list[i]));
                        }
                    }
                }
                else if (check)
                {
                    diagnostics.Add(TypeError(json, filePath, fileName, document, TagsKey, TagsKey + " must be an array of strings", value));
                }
            }

            var language = ReqnrollSettings.Default.FeatureLanguage;
            var languageSection = Section(root, "language", check, json, filePath, fileName, document, diagnostics);
            if (languageSection != null && languageSection.TryGetValue("feature", out var feature))
            {
                if (feature is string text && text.Trim().Length > 0)
                {
                    language = text.Trim();
                }
                else if (check && !(feature is string))
                {
                    diagnostics.Add(TypeError(json, filePath, fileName, document, "language.feature", "language.feature must be a string", feature));
                }
            }

            var settings = new ReqnrollSettings(
                tags.Select(tag => tag.Trim().TrimStart('@')).Where(tag => tag.Length > 0).Distinct().ToEquatableArray(),
                language);
            return new ReqnrollReadResult(settings, diagnostics.ToEquatableArray());
        }

        private static Dictionary<string, object?>? Section(
            Dictionary<string, object?> root, string name, bool check, string json, string filePath, string fileName, JsonDocumentRead document, List<ConfigDiagnostic> diagnostics)
        {
            if (!root.TryGetValue(name, out var value))
            {
                return null;
            }

            if (value is Dictionary<string, object?> section)
            {
                return section;
            }

            if (check)
            {
                diagnostics.Add(TypeError(json, filePath, fileName, document, name, name + " must be an object", value));
            }

            return null;
        }

        private static ConfigDiagnostic TypeError(string json, string filePath, string fileName, JsonDocumentRead document, string path, string what, object? found)
        {
            var span = document.SpanOf(path) ?? new JsonSpan(0, 0);
            return Diagnostic(json, filePath, span.Start, span.Length, fileName, what + ", found " + Kind(found));
        }

        private static ConfigDiagnostic Diagnostic(string json, string filePath, int start, int length, string fileName, string message)
        {
            var (line, column) = LineColumn(json, start);
            var (endLine, endColumn) = LineColumn(json, start + length);
            return new ConfigDiagnostic(filePath, start, length, line, column, endLine, endColumn,
                fileName + "(" + (line + 1) + "," + (column + 1) + "): " + message);
        }

        /// <summary>0-based line and column of <paramref name="position"/> (lines end at '\n').</summary>
        private static (int Line, int Column) LineColumn(string text, int position)
        {
            position = System.Math.Min(position, text.Length);
            var line = 0;
            var lineStart = 0;
            for (var i = 0; i < position; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return (line, position - lineStart);
        }

        private static string Kind(object? value)
        {
            switch (value)
            {
                case null: return "null";
                case string text: return "the string \"" + text + "\"";
                case bool flag: return flag ? "true" : "false";
                case double number: return "the number " + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                case List<object?> _: return "an array";
                default: return "an object";
            }
        }
    }
}
