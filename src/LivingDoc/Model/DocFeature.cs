using Io.Cucumber.Messages.Types;

namespace LivingDoc.Model;

/// <summary>A feature file as the living documentation shows it: its document and pickles, or the errors that kept it from parsing.</summary>
internal sealed record DocFeature(string Uri, GherkinDocument? Document, IReadOnlyList<Pickle> Pickles, IReadOnlyList<string> Errors)
{
    /// <summary>"supervision" for features/supervision/drain.feature; "" for a file directly under features/.</summary>
    public string Folder => RelativePath.Contains('/', StringComparison.Ordinal) ? RelativePath[..RelativePath.LastIndexOf('/')] : "";

    /// <summary>The uri without a leading "features/".</summary>
    public string RelativePath => Uri.StartsWith("features/", StringComparison.Ordinal) ? Uri["features/".Length..] : Uri;

    /// <summary>The page file name: "supervision_drain.html".</summary>
    public string PageName
    {
        get
        {
            var path = RelativePath.EndsWith(".feature", StringComparison.Ordinal) ? RelativePath[..^".feature".Length] : RelativePath;
            return new string(path.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray()) + ".html";
        }
    }

    /// <summary>The feature's name, or its path when the file did not parse.</summary>
    public string Title => Document?.Feature is { Name.Length: > 0 } feature ? feature.Name : RelativePath;

    /// <summary>The scenario (or outline) with AST id <paramref name="id"/>, or null.</summary>
    public Scenario? Scenario(string id) => Scenarios().FirstOrDefault(scenario => scenario.Id == id);

    /// <summary>Every scenario and outline, in file order, those of rules included.</summary>
    public IEnumerable<Scenario> Scenarios() =>
        (Document?.Feature?.Children ?? [])
            .SelectMany(child => child.Rule is { } rule ? rule.Children.Select(c => c.Scenario) : [child.Scenario])
            .OfType<Scenario>();

    /// <summary>The line of a step (of a scenario or a background) or of an Examples row by its AST id, or null.</summary>
    public long? LineOf(string astId)
    {
        var children = (Document?.Feature?.Children ?? []).SelectMany(c => c.Rule is { } rule ? rule.Children.Select(r => (r.Background, r.Scenario)) : [(c.Background, c.Scenario)]);
        foreach (var (background, scenario) in children)
        {
            var steps = (background?.Steps ?? []).Concat(scenario?.Steps ?? []);
            if (steps.FirstOrDefault(s => s.Id == astId) is { } step)
            {
                return step.Location.Line;
            }

            if (scenario is not null && (scenario.Id == astId ? scenario.Location : scenario.Examples.SelectMany(e => e.TableBody).FirstOrDefault(r => r.Id == astId)?.Location) is { } at)
            {
                return at.Line;
            }
        }

        return null;
    }
}
