using Io.Cucumber.Messages.Types;
using LivingDoc.Model;

namespace LivingDoc.Messages;

/// <summary>
/// The check that a report neither drops nor mislabels a scenario. Always: ids are unique, every test case refers
/// to a known pickle, no pickle has two test cases, a test case's steps are its pickle's steps one for one and in
/// order (<see cref="RunLifecycle"/>: every test case started and finished; <see cref="PickleLabels"/>: every
/// pickle names a scenario, row and steps of its document). With <c>complete</c> (an unfiltered run) also
/// <see cref="Completeness"/>: every scenario has a test case. Without it a pickle without a test case is a scenario
/// the run filtered out: Reqnroll reports every pickle of a feature that ran, also those the filter skipped.
/// </summary>
internal static class Verification
{
    /// <summary>Every mismatch, in plain words; empty when the messages line up. A filtered run is fine.</summary>
    public static IReadOnlyList<string> Check(RunMessages messages) => Check(messages, [], complete: false);

    /// <summary>Every mismatch; with <paramref name="complete"/> also every scenario of the run or of <paramref name="files"/> that did not run.</summary>
    public static IReadOnlyList<string> Check(RunMessages messages, IReadOnlyList<DocFeature> files, bool complete)
    {
        var problems = new List<string>();
        Duplicates(problems, messages.Pickles.Select(p => p.Id), id => $"pickle id {id} ({Name(messages.PicklesById[id])}) appears more than once");
        Duplicates(problems, messages.TestCases.Select(c => c.Id), id => $"test case id {id} appears more than once");
        Duplicates(problems, messages.Started.Select(s => s.Id), id => $"test case start id {id} appears more than once");
        Duplicates(problems, messages.StepDefinitions.Select(d => d.Id), id => $"step definition id {id} appears more than once");
        foreach (var group in messages.TestCases.GroupBy(c => c.PickleId, StringComparer.Ordinal))
        {
            if (!messages.PicklesById.TryGetValue(group.Key, out var pickle))
            {
                problems.Add($"test case {group.First().Id} refers to pickle {group.Key}, which the messages do not have");
                continue;
            }

            if (group.Count() > 1)
            {
                problems.Add($"scenario {Name(pickle)} has {group.Count()} test cases");
            }

            foreach (var testCase in group)
            {
                StepsLineUp(problems, testCase, pickle);
            }
        }

        RunLifecycle.Check(messages, problems);
        PickleLabels.Check(messages, problems);
        if (complete)
        {
            Completeness.Check(messages, files, problems);
        }

        return problems;
    }

    /// <summary>A pickle for a message: <c>'Drain a pool' (features/supervision/drain.feature)</c>.</summary>
    public static string Name(Pickle pickle) => $"'{pickle.Name}' ({pickle.Uri})";

    /// <summary>
    /// The test case's steps that run a pickle step must be the pickle's steps, one for one and in order. A test case
    /// with no steps at all is a scenario skipped as a whole (Reqnroll's <c>@ignore</c>): nothing of it ran to mislabel.
    /// </summary>
    private static void StepsLineUp(List<string> problems, TestCase testCase, Pickle pickle)
    {
        if (testCase.TestSteps.Count == 0)
        {
            return;
        }

        var ran = testCase.TestSteps.Where(s => s.PickleStepId is not null).Select(s => s.PickleStepId).ToList();
        var expected = pickle.Steps.Select(s => s.Id).ToList();
        if (ran.SequenceEqual(expected, StringComparer.Ordinal))
        {
            return;
        }

        var at = Enumerable.Range(0, Math.Min(ran.Count, expected.Count)).FirstOrDefault(i => ran[i] != expected[i], Math.Min(ran.Count, expected.Count));
        var detail = at < ran.Count && at < expected.Count
            ? $"its step {at + 1} runs pickle step {ran[at]}{Text(pickle, ran[at])}, but the pickle's step {at + 1} is {expected[at]}{Text(pickle, expected[at])}"
            : $"{ran.Count} of its steps run pickle steps, the pickle has {expected.Count}";
        problems.Add($"the steps of test case {testCase.Id} do not line up with its pickle, scenario {Name(pickle)}: {detail}");
    }

    private static string Text(Pickle pickle, string stepId) =>
        pickle.Steps.FirstOrDefault(s => s.Id == stepId) is { } step ? $" ('{step.Text}')" : " (not a step of the pickle)";

    private static void Duplicates(List<string> problems, IEnumerable<string> ids, Func<string, string> problem) =>
        problems.AddRange(ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => problem(g.Key)));
}
