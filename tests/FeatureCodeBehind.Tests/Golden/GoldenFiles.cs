namespace FeatureCodeBehind.Tests.Golden;

/// <summary>
/// Compares generated text with a reviewed golden file next to the feature. A difference fails the test and writes
/// <c>*.actual</c> beside the golden in the source tree for review; <c>UPDATE_GOLDEN=1</c> rewrites the goldens.
/// </summary>
internal static class GoldenFiles
{
    /// <summary>The source folder of the goldens (this file's folder), where reviewers see them.</summary>
    public static string SourceDirectory() => Here();

    private static string Here([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    public static void Verify(string goldenName, string actual)
    {
        var golden = Path.Combine(SourceDirectory(), goldenName);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual);
        }

        var expected = File.Exists(golden) ? File.ReadAllText(golden) : "";
        if (expected != actual)
        {
            File.WriteAllText(golden + ".actual", actual);
        }

        actual.Should().Be(expected, $"the generated text should match {goldenName} (see {goldenName}.actual; UPDATE_GOLDEN=1 accepts it)");
    }
}
