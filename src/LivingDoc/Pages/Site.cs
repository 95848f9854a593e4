using System.Text;
using LivingDoc.Model;

namespace LivingDoc.Pages;

/// <summary>Writes the site: <c>index.html</c>, one page per feature and the stylesheet, into one folder that opens offline.</summary>
internal static class Site
{
    /// <summary>The stylesheet written next to the index.</summary>
    public const string StylesheetName = "living-doc.css";

    /// <summary>The index page's file name.</summary>
    public const string IndexName = "index.html";

    public static void Write(LivingDocRun run, string folder)
    {
        Directory.CreateDirectory(folder);
        Save(Path.Combine(folder, StylesheetName), Style.Css);
        Save(Path.Combine(folder, IndexName), IndexPage.Render(run));
        foreach (var feature in run.Features)
        {
            Save(Path.Combine(folder, feature.PageName), FeaturePage.Render(feature, run, IndexName));
        }
    }

    private static void Save(string path, string text) => File.WriteAllText(path, text, new UTF8Encoding(false));
}
