using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.PayloadProcessing;

namespace LivingDoc.Messages;

/// <summary>
/// Several runs' messages as one (the shards of a suite run on several machines: <c>--messages a.ndjson --messages b.ndjson</c>).
/// The features and pickles every shard reports are kept once (their ids are the same in every shard of a build); a
/// feature or pickle whose messages differ between shards is a mismatch (the shards ran different versions). Step
/// definitions are one per pattern and method. The run started with the first shard and finished with the last. A
/// scenario that ran in two shards is a mismatch; <c>--complete</c> then checks that none is missing.
/// </summary>
internal static class MessagesMerge
{
    public static IReadOnlyList<Envelope> Merge(IReadOnlyList<(string Source, IReadOnlyList<Envelope> Envelopes)> shards, List<string> problems)
    {
        if (shards.Count == 1)
        {
            return shards[0].Envelopes;
        }

        var merged = new List<Envelope>();
        var seen = new Dictionary<string, (string Source, string Json)>(StringComparer.Ordinal);
        var definitions = new Dictionary<string, string>(StringComparer.Ordinal);
        var ranIn = new Dictionary<string, string>(StringComparer.Ordinal);
        var pickleNames = new Dictionary<string, string>(StringComparer.Ordinal);
        TestRunStarted? started = null;
        TestRunFinished? finished = null;
        foreach (var (source, envelopes) in shards)
        {
            var definitionIds = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var envelope in envelopes)
            {
                var key = envelope.Source?.Uri is { } s ? "source " + s
                    : envelope.GherkinDocument?.Uri is { } d ? "feature " + d
                    : envelope.Pickle?.Id is { } p ? "pickle " + p
                    : envelope.Meta is not null ? "meta" : null;
                if (envelope.Pickle is { } pickle)
                {
                    pickleNames.TryAdd(pickle.Id, Verification.Name(pickle));
                }

                if (key is not null)
                {
                    var json = NdjsonSerializer.Serialize(envelope);
                    if (seen.TryGetValue(key, out var first))
                    {
                        if (first.Json != json && key != "meta")
                        {
                            problems.Add($"{key} differs between {first.Source} and {source}: the shards ran different versions of it");
                        }

                        continue;
                    }

                    seen[key] = (source, json);
                }
                else if (envelope.StepDefinition is { } definition)
                {
                    var pattern = definition.Pattern.Source + "|" + definition.SourceReference?.JavaMethod?.ClassName + "." + definition.SourceReference?.JavaMethod?.MethodName;
                    if (definitions.TryGetValue(pattern, out var canonical))
                    {
                        definitionIds[definition.Id] = canonical;
                        continue;
                    }

                    definitions[pattern] = definition.Id;
                }
                else if (envelope.TestCase is { } testCase)
                {
                    foreach (var step in testCase.TestSteps.Where(s => s.StepDefinitionIds is not null))
                    {
                        for (var i = 0; i < step.StepDefinitionIds.Count; i++)
                        {
                            step.StepDefinitionIds[i] = definitionIds.GetValueOrDefault(step.StepDefinitionIds[i], step.StepDefinitionIds[i]);
                        }
                    }

                    if (ranIn.TryGetValue(testCase.PickleId, out var other))
                    {
                        problems.Add($"scenario {pickleNames.GetValueOrDefault(testCase.PickleId, testCase.PickleId)} ran in {other} and in {source}: shards must not overlap");
                    }

                    ranIn[testCase.PickleId] = source;
                }
                else if (envelope.TestRunStarted is { } runStarted)
                {
                    started = started is null || Seconds(runStarted.Timestamp) < Seconds(started.Timestamp) ? runStarted : started;
                    continue;
                }
                else if (envelope.TestRunFinished is { } runFinished)
                {
                    finished = finished is null || Seconds(runFinished.Timestamp) > Seconds(finished.Timestamp) ? runFinished : finished;
                    continue;
                }

                merged.Add(envelope);
            }
        }

        if (started is not null)
        {
            merged.Insert(0, Envelope.Create(started));
        }

        if (finished is not null)
        {
            merged.Add(Envelope.Create(finished));
        }

        return merged;
    }

    private static double Seconds(Timestamp timestamp) => timestamp.Seconds + (timestamp.Nanos / 1e9);
}
