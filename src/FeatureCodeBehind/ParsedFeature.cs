using Io.Cucumber.Messages.Types;

namespace FeatureCodeBehind;

/// <summary>
/// A feature file as Reqnroll's runtime sees it: its <see cref="Source"/>, <see cref="GherkinDocument"/> and
/// <see cref="Pickles"/>, with ids that depend only on the uri and the text.
/// </summary>
/// <param name="Uri">The feature's uri in the messages: <c>folder/file.feature</c>, '/' separated.</param>
/// <param name="FolderPath">The project-relative folder (<c>features/supervision</c>), as Reqnroll's <c>FeatureInfo</c> takes it.</param>
/// <param name="Language">The feature's language: its <c># language:</c> line, else the configured default.</param>
internal sealed record ParsedFeature(
    string Uri,
    string FolderPath,
    string Language,
    Source Source,
    GherkinDocument Document,
    IReadOnlyList<Pickle> Pickles);
