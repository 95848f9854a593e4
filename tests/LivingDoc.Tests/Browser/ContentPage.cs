namespace LivingDoc.Tests.Browser;

/// <summary>
/// The documentation-only page of testdata/content/features: a feature whose names, tags, descriptions, arguments
/// and table cells carry script payloads, and one with Markdown, an outline titled only by a placeholder and a wide table.
/// </summary>
public sealed class ContentPage : LivingDocPage
{
    public ContentPage()
        : base(_ => ["--features", Path.Combine(SampleRun.Folder, "content", "features")])
    {
    }
}
