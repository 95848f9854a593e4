using Io.Cucumber.Messages.Types;
using LivingDoc.Model;

namespace LivingDoc.Messages;

/// <summary>
/// Part of <see cref="Verification"/> for a run that was not filtered (<c>--complete</c>): every scenario ran. A pickle
/// of the run without a test case, and a feature under <c>--features</c> the run has no messages for, are mismatches.
/// Scenarios tagged <c>@ignore</c> (Reqnroll's tag for a scenario that never runs) are exempt.
/// </summary>
internal static class Completeness
{
    public static void Check(RunMessages messages, IReadOnlyList<DocFeature> files, List<string> problems)
    {
        foreach (var pickle in WithoutTestCase(messages))
        {
            problems.Add($"scenario {Verification.Name(pickle)} has no test case: it did not run");
        }

        var ran = messages.Documents.Select(d => d.Uri).ToList();
        foreach (var file in files.Where(f => f.Errors.Count == 0))
        {
            var scenarios = file.Pickles.Count(p => !Ignored(p));
            if (scenarios > 0 && ran.All(uri => FeatureFiles.Match([file.Uri], uri) is null))
            {
                problems.Add($"feature {file.Uri} ({DescribeCount(scenarios)}) did not run: the messages have nothing of it");
            }
        }
    }

    /// <summary>The pickles of the run that have no test case (but for <c>@ignore</c>): in a filtered run, the scenarios the filter left out.</summary>
    public static IReadOnlyList<Pickle> WithoutTestCase(RunMessages messages)
    {
        var withTestCase = messages.TestCases.Select(c => c.PickleId).ToHashSet(StringComparer.Ordinal);
        return messages.Pickles.Where(p => !withTestCase.Contains(p.Id) && !Ignored(p)).ToArray();
    }

    private static bool Ignored(Pickle pickle) => pickle.Tags.Any(t => string.Equals(t.Name, "@ignore", StringComparison.OrdinalIgnoreCase));

    private static string DescribeCount(int scenarios) => scenarios == 1 ? "1 scenario" : $"{scenarios} scenarios";
}
