namespace LivingDoc;

/// <summary>
/// The command line: <c>--features</c> and <c>--output</c> are required; <c>--messages</c>, <c>--config</c>
/// (living-doc.json), <c>--history</c> (the folder that keeps the last runs), <c>--verify</c> (exit 3 on a mismatch)
/// and <c>--complete</c> (the run was not filtered: a scenario without a test case is a mismatch) are optional.
/// </summary>
internal sealed record Options(string? Features, string? Messages, string? Output, bool Verify, string? Error)
{
    public string? Config { get; init; }

    public string? History { get; init; }

    public bool Complete { get; init; }

    public static Options Parse(IReadOnlyList<string> args)
    {
        string? features = null, messages = null, output = null, config = null, history = null;
        bool verify = false, complete = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--verify":
                    verify = true;
                    break;
                case "--complete":
                    complete = true;
                    break;
                case "--features" or "--messages" or "--output" or "--config" or "--history" when i + 1 < args.Count:
                    var value = args[++i];
                    _ = args[i - 1] switch
                    {
                        "--features" => features = value,
                        "--messages" => messages = value,
                        "--config" => config = value,
                        "--history" => history = value,
                        _ => output = value,
                    };
                    break;
                case "--features" or "--messages" or "--output" or "--config" or "--history":
                    return new Options(null, null, null, false, $"{args[i]} needs a value");
                default:
                    return new Options(null, null, null, false, $"unexpected argument '{args[i]}'");
            }
        }

        var missing = features is null ? "--features" : output is null ? "--output" : null;
        return new Options(features, messages, output, verify, missing is null ? null : $"{missing} is required") { Config = config, History = history, Complete = complete };
    }
}
