using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Bdd.Generator.Tests.Support;

/// <summary>An AdditionalFile held in memory (path + text), as MSBuild hands .feature files to the generator.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
