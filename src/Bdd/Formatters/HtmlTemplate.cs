using System.Text;

namespace Bdd.Formatters;

/// <summary>
/// The page template of @cucumber/html-formatter 24.2.0 (dist/src/index.mustache), used when the package's
/// copy is absent, and the substitution the package's CucumberHtmlStream performs: each <c>{{name}}</c>
/// placeholder, in template order, is replaced by its content (no escaping, no other mustache features).
/// </summary>
internal static class HtmlTemplate
{
    public const string Default = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        	<title>{{title}}</title>
        	<meta content="text/html;charset=utf-8" http-equiv="Content-Type">
        	<meta name="viewport" content="width=device-width, initial-scale=1.0">
        	<link rel="icon" href="{{icon}}">
        	<style>
        {{css}}
        	</style>
        	<style>
        {{custom_css}}
        	</style>
        </head>
        <body>
        <div id="content">
        </div>
        <script>
        window.CUCUMBER_MESSAGES = [{{messages}}];
        </script>
        <script>
        {{script}}
        </script>
        <script>
        {{custom_script}}
        </script>
        </body>
        </html>

        """;

    /// <summary>Replaces the first occurrence of each placeholder; content is never rescanned for placeholders.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var result = new StringBuilder(template.Length + values.Values.Sum(v => v.Length));
        var position = 0;
        while (true)
        {
            var start = template.IndexOf("{{", position, StringComparison.Ordinal);
            var end = start < 0 ? -1 : template.IndexOf("}}", start, StringComparison.Ordinal);
            if (end < 0)
                break;
            var name = template[(start + 2)..end];
            result.Append(template, position, start - position);
            result.Append(values.TryGetValue(name, out var value) ? value : template[start..(end + 2)]);
            position = end + 2;
        }
        result.Append(template, position, template.Length - position);
        return result.ToString();
    }
}
