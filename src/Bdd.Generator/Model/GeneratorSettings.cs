namespace Bdd.Generator.Model
{
    /// <summary>
    /// Project-wide inputs: the root namespace (build property RootNamespace, else the assembly name), the
    /// feature-tags that put a feature into the serial collection (reqnroll.json
    /// <c>generator.addNonParallelizableMarkerForTags</c>, without '@') and the default feature language.
    /// </summary>
    internal sealed record GeneratorSettings(string RootNamespace, EquatableArray<string> NonParallelizableTags, string FeatureLanguage);

    /// <summary>What reqnroll.json contributes to <see cref="GeneratorSettings"/>.</summary>
    internal sealed record ReqnrollSettings(EquatableArray<string> NonParallelizableTags, string FeatureLanguage)
    {
        public static ReqnrollSettings Default { get; } = new ReqnrollSettings(EquatableArray<string>.Empty, "en");
    }

    /// <summary>A feature class before de-duplication: the file, its namespace key and its class name.</summary>
    internal sealed record ClassKey(string FilePath, string NamespaceKey, string ClassName);

    /// <summary>A feature class renamed to stay unique in its namespace (the first file in path order keeps the name).</summary>
    internal sealed record ClassRename(string FilePath, string ClassName);
}
