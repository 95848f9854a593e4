using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LivingDoc.Pages;

/// <summary>
/// Descriptions as Markdown (CommonMark, by Markdig): paragraphs, lists, emphasis, code and links. Text from a feature
/// never becomes markup: raw HTML is shown as text, a link goes only to http(s), mailto or a place on the page or
/// beside it (a <c>javascript:</c> or <c>data:</c> link is shown as its text), and an image is shown as a link.
/// </summary>
internal static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>The HTML of <paramref name="text"/>, its common indentation removed first (Gherkin indents descriptions).</summary>
    public static string ToHtml(string text)
    {
        var document = Markdig.Markdown.Parse(Dedent(text), Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            link.IsImage = false;
            if (!Safe(link.Url))
            {
                link.ReplaceBy(new LiteralInline(string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()))));
            }
        }

        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !l.IsEmail && !Safe(l.Url)).ToList())
        {
            link.ReplaceBy(new LiteralInline(link.Url));
        }

        return document.ToHtml(Pipeline);
    }

    /// <summary>http, https, mailto, or no scheme at all (a relative address or an #anchor).</summary>
    public static bool Safe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var trimmed = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            return true;
        }

        var scheme = trimmed[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }

    private static string Dedent(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }
}
