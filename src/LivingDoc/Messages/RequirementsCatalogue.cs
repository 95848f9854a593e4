using System.Text.RegularExpressions;
using LivingDoc.Model;
using Markdig;
using Markdig.Syntax;

namespace LivingDoc.Messages;

/// <summary>
/// Reads the requirements catalogue, a Markdown file kept by people (<c>docs/requirements.md</c>): each requirement is
/// a level-2 heading <c>## OC-POOL-3010: A draining pool takes no new work</c> followed by its description. Text
/// before the first such heading is the file's own introduction.
/// </summary>
internal static partial class RequirementsCatalogue
{
    [GeneratedRegex(@"^(?<id>\S+?):\s+(?<title>\S.*)$")]
    private static partial Regex Heading();

    /// <summary>The requirements of <paramref name="path"/>, in file order.</summary>
    /// <exception cref="FormatException">A level-2 heading that is not "id: title", or an id given twice; names the file and the line.</exception>
    public static IReadOnlyList<Requirement> Read(string path)
    {
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var document = Markdig.Markdown.Parse(text, new MarkdownPipelineBuilder().Build());
        var headings = document.OfType<HeadingBlock>().Where(h => h.Level == 2).ToList();
        var requirements = new List<Requirement>();
        for (var i = 0; i < headings.Count; i++)
        {
            var heading = headings[i];
            var title = text.Substring(heading.Span.Start, heading.Span.Length).TrimStart('#', ' ').Trim();
            if (Heading().Match(title) is not { Success: true } match)
            {
                throw new FormatException($"{path}:{heading.Line + 1}: a requirement's heading should be '## <id>: <title>', not '{title}'");
            }

            var id = match.Groups["id"].Value;
            if (requirements.Any(r => r.Id == id))
            {
                throw new FormatException($"{path}:{heading.Line + 1}: requirement {id} is in the catalogue twice");
            }

            var start = heading.Span.End + 1;
            var end = i + 1 < headings.Count ? headings[i + 1].Span.Start : text.Length;
            requirements.Add(new Requirement(id, match.Groups["title"].Value.Trim(), start < end ? text[start..end].Trim() : ""));
        }

        return requirements;
    }
}
