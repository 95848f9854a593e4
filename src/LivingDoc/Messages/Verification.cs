using Io.Cucumber.Messages.Types;

namespace LivingDoc.Messages;

/// <summary>
/// The check that a report neither drops nor mislabels a scenario: every test case refers to a known pickle, no
/// pickle has two test cases, a test case's steps are its pickle's steps one for one and in order, and every
/// started test case is known and finished. A pickle without a test case is fine: the run was filtered.
/// </summary>
internal static class Verification
{
    /// <summary>Every mismatch, in plain words; empty when the messages line up.</summary>
    public static IReadOnlyList<string> Check(RunMessages messages)
    {
        var problems = new List<string>();
        var pickles = new Dictionary<string, Pickle>(StringComparer.Ordinal);
        foreach (var pickle in messages.Pickles)
        {
            if (!pickles.TryAdd(pickle.Id, pickle))
            {
                problems.Add($"pickle id {pickle.Id} ('{pickle.Name}', {pickle.Uri}) appears twice");
            }
        }

        foreach (var group in messages.TestCases.GroupBy(c => c.PickleId, StringComparer.Ordinal))
        {
            if (!pickles.TryGetValue(group.Key, out var pickle))
            {
                problems.Add($"test case {group.First().Id} refers to pickle {group.Key}, which the messages do not have");
                continue;
            }

            if (group.Count() > 1)
            {
                problems.Add($"scenario '{pickle.Name}' ({pickle.Uri}) has {group.Count()} test cases");
            }

            foreach (var testCase in group)
            {
                var steps = testCase.TestSteps.Where(s => s.PickleStepId is not null).Select(s => s.PickleStepId).ToArray();
                if (steps.Length > 0 && !steps.SequenceEqual(pickle.Steps.Select(s => s.Id)))
                {
                    problems.Add($"the steps of scenario '{pickle.Name}' ({pickle.Uri}) do not line up with its pickle: {steps.Length} test steps for {pickle.Steps.Count} pickle steps, or out of order");
                }
            }
        }

        var finished = messages.Finished.Select(f => f.TestCaseStartedId).ToHashSet(StringComparer.Ordinal);
        var cases = messages.TestCases.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var started in messages.Started.Where(s => !cases.ContainsKey(s.TestCaseId)))
        {
            problems.Add($"test case {started.TestCaseId} started, but the messages do not have it");
        }

        foreach (var started in messages.Started.Where(s => !finished.Contains(s.Id)))
        {
            var name = cases.TryGetValue(started.TestCaseId, out var testCase) && pickles.TryGetValue(testCase.PickleId, out var pickle) ? pickle.Name : started.TestCaseId;
            problems.Add($"scenario '{name}' started but never finished");
        }

        return problems;
    }
}
