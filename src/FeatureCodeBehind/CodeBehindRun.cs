namespace FeatureCodeBehind;

/// <summary>One feature of the manifest: the file on disk and its project-relative path.</summary>
internal sealed record ManifestEntry(string Path, string Relative);

/// <summary>
/// Generates the code-behind of every feature of a manifest into an output folder: parses the features that changed
/// since the last run (see <see cref="FeatureIndex"/>), names the classes, and writes each changed feature's
/// <c>.cs</c> and <c>.ndjson</c>. Reports errors in MSBuild's canonical format; returns whether every feature parsed.
/// </summary>
internal static class CodeBehindRun
{
    public static bool Run(IReadOnlyList<ManifestEntry> manifest, string outputDirectory, string rootNamespace, GeneratorConfig config, TextWriter log)
    {
        var stamp = FeatureIndex.Stamp(config, rootNamespace);
        var previous = FeatureIndex.Read(outputDirectory, stamp);
        var ok = true;
        var current = new List<(ManifestEntry Entry, string Text, ParsedFeature? Parsed, IndexedFeature? Known)>();
        foreach (var entry in manifest)
        {
            try
            {
                var text = File.ReadAllText(entry.Path);
                var known = previous.GetValueOrDefault(entry.Relative);
                current.Add(known is not null && known.Hash == FeatureIndex.Hash(text) && OutputsExist(outputDirectory, entry)
                    ? (entry, text, null, known)
                    : (entry, text, FeatureParser.Parse(entry.Relative, text, config.FeatureLanguage), null));
            }
            catch (FeatureSyntaxException syntax)
            {
                ok = false;
                foreach (var error in syntax.Errors)
                {
                    log.WriteLine($"{System.IO.Path.GetFullPath(entry.Path)}({Math.Max(error.Line, 1)},{Math.Max(error.Column, 1)}): error FCB0001: {error.Message}");
                }
            }
            catch (IOException io)
            {
                ok = false;
                log.WriteLine($"{System.IO.Path.GetFullPath(entry.Path)}: error FCB0004: {io.Message}");
            }
        }

        var named = current.Select(c => c.Parsed is { } parsed
            ? (Uri: parsed.Uri, Folder: parsed.FolderPath, Preferred: parsed.Document.Feature is null ? "" : ClassNames.Preferred(parsed))
            : (Uri: c.Entry.Relative.Replace('\\', '/').TrimStart('/'), Folder: c.Known!.FolderPath, c.Known.Preferred)).ToArray();
        var names = ClassNames.Assign(named.Where(n => n.Preferred.Length > 0).Select(n => new NamedFeature(n.Uri, n.Folder, n.Preferred)));

        var index = new List<IndexedFeature>();
        for (var i = 0; i < current.Count; i++)
        {
            var (entry, text, parsed, known) = current[i];
            var assigned = names.GetValueOrDefault(named[i].Uri, "");
            if (parsed is null && known!.Assigned != assigned)
            {
                parsed = FeatureParser.Parse(entry.Relative, text, config.FeatureLanguage);
            }

            if (parsed is not null)
            {
                var output = CodeBehindFiles.Generate(parsed, rootNamespace, System.IO.Path.GetFullPath(entry.Path), config, assigned.Length > 0 ? assigned : null);
                var (code, messages) = Outputs(outputDirectory, entry);
                CodeBehindFiles.WriteIfChanged(code, output.Code);
                CodeBehindFiles.WriteIfChanged(messages, output.Messages);
            }

            index.Add(new IndexedFeature(entry.Relative, FeatureIndex.Hash(text), named[i].Folder, named[i].Preferred, assigned));
        }

        FeatureIndex.Write(outputDirectory, stamp, index);
        return ok;
    }

    private static bool OutputsExist(string outputDirectory, ManifestEntry entry) =>
        Outputs(outputDirectory, entry) is var (code, messages) && File.Exists(code) && File.Exists(messages);

    private static (string Code, string Messages) Outputs(string outputDirectory, ManifestEntry entry) =>
        (Path.Combine(outputDirectory, entry.Relative + ".cs"), Path.Combine(outputDirectory, entry.Relative + ".ndjson"));
}
