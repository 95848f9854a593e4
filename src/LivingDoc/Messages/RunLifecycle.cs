namespace LivingDoc.Messages;

/// <summary>
/// Part of <see cref="Verification"/>: a scenario that ran has a test case that started and finished, and every
/// result belongs to a start and to a step of that start's test case. A result the pages cannot place would be
/// dropped silently; a scenario that never finished would show a result it never had.
/// </summary>
internal static class RunLifecycle
{
    public static void Check(RunMessages messages, List<string> problems)
    {
        var startedById = RunMessages.ById(messages.Started, s => s.Id);
        foreach (var started in messages.Started.Where(s => !messages.TestCasesById.ContainsKey(s.TestCaseId)))
        {
            problems.Add($"test case {started.TestCaseId} started, but the messages do not have it");
        }

        foreach (var started in messages.Started.Where(s => !messages.FinishedByStartedId.ContainsKey(s.Id)))
        {
            problems.Add($"scenario {Scenario(messages, started.TestCaseId)} started but never finished");
        }

        var startedCases = messages.Started.Select(s => s.TestCaseId).ToHashSet(StringComparer.Ordinal);
        foreach (var testCase in messages.TestCases.Where(c => !startedCases.Contains(c.Id)))
        {
            problems.Add($"scenario {Scenario(messages, testCase.Id)} has a test case ({testCase.Id}) that never started");
        }

        foreach (var finished in messages.Finished.Where(f => !startedById.ContainsKey(f.TestCaseStartedId)))
        {
            problems.Add($"a test case finished (start {finished.TestCaseStartedId}) that the messages never started");
        }

        foreach (var result in messages.StepsFinished)
        {
            if (!startedById.TryGetValue(result.TestCaseStartedId, out var started))
            {
                problems.Add($"a step result (test step {result.TestStepId}) belongs to start {result.TestCaseStartedId}, which the messages do not have");
            }
            else if (messages.TestCasesById.TryGetValue(started.TestCaseId, out var testCase) && testCase.TestSteps.All(s => s.Id != result.TestStepId))
            {
                problems.Add($"a step result of scenario {Scenario(messages, testCase.Id)} is for test step {result.TestStepId}, which its test case does not have");
            }
        }
    }

    private static string Scenario(RunMessages messages, string testCaseId) =>
        messages.TestCasesById.TryGetValue(testCaseId, out var testCase) && messages.PicklesById.TryGetValue(testCase.PickleId, out var pickle)
            ? Verification.Name(pickle)
            : $"of test case {testCaseId}";
}
