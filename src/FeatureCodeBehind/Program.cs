using System.Text.Json;
using FeatureCodeBehind;

// feature-codebehind <manifest> <output dir> <root namespace> [<reqnroll.json>]
// The manifest has one line per feature: "<path on disk>|<project-relative path>". For each feature it writes
// <output dir>/<project-relative path>.cs (the code-behind) and .ndjson (the feature-level messages), parsing only the
// features that changed since the last run and rewriting a file only when its content changes. Errors and warnings use
// MSBuild's canonical format, so the build shows them with the file, line and column.
// Exit code: 0, 1 when a feature or the configuration is invalid, 2 for a bad command line.
if (args.Length is < 3 or > 4)
{
    Console.Error.WriteLine("usage: feature-codebehind <manifest> <output dir> <root namespace> [<reqnroll.json>]");
    return 2;
}

var (manifest, outputDirectory, rootNamespace) = (args[0], args[1], args[2]);
var config = GeneratorConfig.Default;
if (args.Length == 4 && File.Exists(args[3]))
{
    try
    {
        config = GeneratorConfig.Read(File.ReadAllText(args[3]));
    }
    catch (JsonException error)
    {
        Console.WriteLine($"{Path.GetFullPath(args[3])}({(error.LineNumber ?? 0) + 1},{(error.BytePositionInLine ?? 0) + 1}): error FCB0002: invalid reqnroll.json: {error.Message}");
        return 1;
    }

    foreach (var warning in config.Warnings)
    {
        Console.WriteLine($"{Path.GetFullPath(args[3])}: warning FCB0003: {warning}");
    }
}

var entries = File.ReadAllLines(manifest).Where(l => l.Length > 0).Select(line => line.Split('|'))
    .Select(parts => new ManifestEntry(parts[0], parts.Length > 1 ? parts[1] : Path.GetFileName(parts[0]))).ToArray();
Directory.CreateDirectory(outputDirectory);
return CodeBehindRun.Run(entries, outputDirectory, rootNamespace, config, Console.Out) ? 0 : 1;
