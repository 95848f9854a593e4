using LivingDoc.Messages;

namespace LivingDoc.Tests;

/// <summary>
/// testdata/: the NDJSON Reqnroll 3.3.4 wrote for a run of tests/FeatureSample (passed, failed, undefined, pending,
/// ignored and outline scenarios, a German feature) and its feature files, plus one feature that did not run.
/// </summary>
internal static class SampleRun
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "testdata");

    public static string Features => Path.Combine(Folder, "features");

    public static string MessagesPath => Path.Combine(Folder, "sample.ndjson");

    public static string[] Lines() => File.ReadAllLines(MessagesPath);

    public static RunMessages Messages(IEnumerable<string>? lines = null) =>
        new(MessagesFile.Read(new StringReader(string.Join("\n", lines ?? Lines())), "sample.ndjson"));
}
