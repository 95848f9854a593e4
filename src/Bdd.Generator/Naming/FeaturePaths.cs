using System;
using System.Collections.Generic;
using System.Linq;

namespace Bdd.Generator.Naming
{
    /// <summary>
    /// Derives a feature file's uri and namespace segments from its path. The uri is the path from the folder that
    /// contains the last <c>features</c> folder of the path, with '/' separators
    /// (<c>/repo/features/supervision/drain.feature</c> -> <c>features/supervision/drain.feature</c>); a file outside
    /// any <c>features</c> folder has its file name as uri. The segments are the folders below <c>features</c>, PascalCased.
    /// </summary>
    internal static class FeaturePaths
    {
        private const string FeaturesFolder = "features";

        public static (string Uri, IReadOnlyList<string> NamespaceSegments) Describe(string path)
        {
            var parts = path.Replace('\\', '/').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            var fileName = parts.Length == 0 ? path : parts[parts.Length - 1];
            var featuresIndex = -1;
            for (var i = parts.Length - 2; i >= 0; i--)
            {
                if (string.Equals(parts[i], FeaturesFolder, StringComparison.OrdinalIgnoreCase))
                {
                    featuresIndex = i;
                    break;
                }
            }

            if (featuresIndex < 0)
            {
                return (fileName, Array.Empty<string>());
            }

            var uri = string.Join("/", parts.Skip(featuresIndex));
            var segments = parts
                .Skip(featuresIndex + 1)
                .Take(parts.Length - featuresIndex - 2)
                .Select(folder => Identifiers.PascalCase(folder, "_"))
                .ToArray();
            return (uri, segments);
        }
    }
}
