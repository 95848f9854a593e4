namespace LivingDoc;

/// <summary>
/// The command line: <c>--features</c> and <c>--output</c> are required; <c>--messages</c>, <c>--config</c>
/// (living-doc.json), <c>--history</c> (the folder that keeps the last runs), <c>--verify</c> (exit 3 on a mismatch)
/// <c>--complete</c> (the run was not filtered: a scenario without a test case is a mismatch), <c>--commit</c> and
/// <c>--branch</c> (what the run is of, for the history; by default LIVINGDOC_COMMIT / GITHUB_SHA and
/// LIVINGDOC_BRANCH / GITHUB_REF_NAME, else the features folder's git checkout) are optional.
/// </summary>
internal sealed record Options(string? Features, string? Messages, string? Output, bool Verify, string? Error)
{
    public string? Config { get; init; }

    public string? History { get; init; }

    public bool Complete { get; init; }

    /// <summary>Every <c>--messages</c>, in order: several are the shards of one run, merged into one page.</summary>
    public IReadOnlyList<string> AllMessages { get; init; } = [];

    /// <summary>The commit the run is of (<c>--commit</c>); else the environment's or the repository's.</summary>
    public string? Commit { get; init; }

    /// <summary>The branch the run is of (<c>--branch</c>).</summary>
    public string? Branch { get; init; }

    public static Options Parse(IReadOnlyList<string> args)
    {
        string? features = null, messages = null, output = null, config = null, history = null, commit = null, branch = null;
        bool verify = false, complete = false;
        var allMessages = new List<string>();
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
                case "--features" or "--messages" or "--output" or "--config" or "--history" or "--commit" or "--branch" when i + 1 < args.Count:
                    var value = args[++i];
                    if (args[i - 1] == "--messages")
                    {
                        allMessages.Add(value);
                    }

                    _ = args[i - 1] switch
                    {
                        "--features" => features = value,
                        "--messages" => messages ??= value,
                        "--config" => config = value,
                        "--history" => history = value,
                        "--commit" => commit = value,
                        "--branch" => branch = value,
                        _ => output = value,
                    };
                    break;
                case "--features" or "--messages" or "--output" or "--config" or "--history" or "--commit" or "--branch":
                    return new Options(null, null, null, false, $"{args[i]} needs a value");
                default:
                    return new Options(null, null, null, false, $"unexpected argument '{args[i]}'");
            }
        }

        var missing = features is null ? "--features" : output is null ? "--output" : null;
        return new Options(features, messages, output, verify, missing is null ? null : $"{missing} is required") { Config = config, History = history, Complete = complete, Commit = commit, Branch = branch, AllMessages = allMessages };
    }
}
