namespace LivingDoc.Tests.Browser;

/// <summary>
/// The living documentation of the sample run (testdata/: a failing, an undefined and a pending scenario, an outline,
/// a feature that did not run; testdata/living-doc.json: a requirements catalogue), built once for the browser tests of failures, links and layout.
/// </summary>
public sealed class SampleRunPage : LivingDocPage
{
    public SampleRunPage()
        : base(_ => ["--features", SampleRun.Features, "--messages", SampleRun.MessagesPath, "--config", Path.Combine(SampleRun.Folder, "living-doc.json")])
    {
    }
}
