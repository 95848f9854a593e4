using System.Text;

namespace LivingDoc.Pages;

/// <summary>Writes the living documentation: one self-contained <c>index.html</c> that opens offline from the file system.</summary>
internal static class Site
{
    /// <summary>The page's file name.</summary>
    public const string IndexName = "index.html";

    public static void Write(PageContext context, string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, IndexName), DocPage.Render(context), new UTF8Encoding(false));
    }
}
