using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;

namespace FeatureCodeBehind;

/// <summary>Parses one feature file with the Gherkin package into the messages Reqnroll's runtime reads.</summary>
internal static class FeatureParser
{
    /// <summary>Parses <paramref name="text"/>, the feature at project-relative path <paramref name="relativePath"/>.</summary>
    /// <exception cref="FeatureSyntaxException">When the text is not valid Gherkin; carries every error with its line and column.</exception>
    public static ParsedFeature Parse(string relativePath, string text, string defaultLanguage)
    {
        var uri = relativePath.Replace('\\', '/').TrimStart('/');
        var folder = uri.Contains('/', StringComparison.Ordinal) ? uri[..uri.LastIndexOf('/')] : "";
        var dialects = new GherkinDialectProvider(DialectName(defaultLanguage));

        Gherkin.Ast.GherkinDocument ast;
        try
        {
            var parser = new Parser { StopAtFirstError = false };
            ast = parser.Parse(new TokenScanner(new StringReader(text)), new TokenMatcher(dialects));
        }
        catch (CompositeParserException composite)
        {
            throw new FeatureSyntaxException(composite.Errors.Select(Describe).ToArray());
        }
        catch (ParserException single)
        {
            throw new FeatureSyntaxException([Describe(single)]);
        }

        var ids = new DeterministicIds(uri + text);
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, uri);
        var pickles = document.Feature is null ? [] : new PickleCompiler(ids).Compile(document);
        var language = document.Feature?.Language ?? defaultLanguage;
        var source = new Source(uri, text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN);
        return new ParsedFeature(uri, folder, language == dialects.DefaultDialect.Language ? defaultLanguage : language, source, document, pickles);
    }

    /// <summary>The Gherkin dialect of a culture name: <c>en-US</c> has none of its own and uses <c>en</c>.</summary>
    private static string DialectName(string culture)
    {
        try
        {
            new GherkinDialectProvider(culture).GetDialect(culture, null);
            return culture;
        }
        catch (NoSuchLanguageException)
        {
            return culture.Split('-')[0];
        }
    }

    private static FeatureSyntaxError Describe(ParserException error) =>
        new(error.Location?.Line ?? 0, error.Location?.Column ?? 0, error.Message);
}
