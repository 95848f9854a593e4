namespace FeatureXunit;

/// <summary>
/// Compares a feature file on disk with the text its code-behind was generated from (the embedded Source message), by
/// content, not by time stamp: a <c>dotnet test --no-build</c> after an edit must not run the old text.
/// </summary>
internal static class FeatureFreshness
{
    /// <summary>Why the feature's tests must not run, or <see langword="null"/> when the file still holds <paramref name="generatedFrom"/>.</summary>
    /// <param name="uri">The feature's project-relative path, for the message.</param>
    /// <param name="path">The feature file on disk, as the build knew it.</param>
    /// <param name="generatedFrom">The text the code-behind was generated from.</param>
    public static string? Check(string uri, string path, string generatedFrom)
    {
        string current;
        try
        {
            current = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return $"{uri} cannot be read at {path} ({error.Message}), so its tests may not be its current text: rebuild the test project.";
        }

        return current == generatedFrom
            ? null
            : $"{uri} changed since the test project was built ({path}): its tests would run the old text. Rebuild " +
              "(dotnet build, or dotnet test without --no-build) to run the current one.";
    }
}
