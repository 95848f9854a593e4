using System.Collections.Generic;
using System.Linq;
using Bdd.Generator.Model;

namespace Bdd.Generator.Configuration
{
    /// <summary>
    /// Reads what the generator needs from reqnroll.json: <c>generator.addNonParallelizableMarkerForTags</c>
    /// (tags with or without '@', stored without) and <c>language.feature</c> (default "en").
    /// Missing or malformed parts fall back to the defaults.
    /// </summary>
    internal static class ReqnrollJsonReader
    {
        public static ReqnrollSettings Read(string? json)
        {
            if (string.IsNullOrWhiteSpace(json) || !(TolerantJson.Parse(json!) is Dictionary<string, object?> root))
            {
                return ReqnrollSettings.Default;
            }

            var tags = Child(root, "generator") is { } generator && generator.TryGetValue("addNonParallelizableMarkerForTags", out var value) && value is List<object?> list
                ? list.OfType<string>().Select(tag => tag.Trim().TrimStart('@')).Where(tag => tag.Length > 0).Distinct().ToEquatableArray()
                : EquatableArray<string>.Empty;
            var language = Child(root, "language") is { } languageSection && languageSection.TryGetValue("feature", out var feature) && feature is string text && text.Trim().Length > 0
                ? text.Trim()
                : ReqnrollSettings.Default.FeatureLanguage;
            return new ReqnrollSettings(tags, language);
        }

        private static Dictionary<string, object?>? Child(Dictionary<string, object?> parent, string name)
            => parent.TryGetValue(name, out var value) ? value as Dictionary<string, object?> : null;
    }
}
