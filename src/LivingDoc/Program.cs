using LivingDoc.Messages;
using LivingDoc.Model;
using LivingDoc.Pages;

// living-doc --features <dir> [--messages <ndjson>|- ...] --output <dir> [--config living-doc.json] [--history <dir>] [--commit <sha>] [--branch <name>] [--verify] [--complete]
// Builds the living documentation (one self-contained index.html) from the feature files and, when given and present,
// the Cucumber Messages of a run. Without messages it is documentation only: every scenario not run. --history keeps
// the last runs there (trend, marks). Several --messages are the shards of one run, merged into one page. Mismatches (see Verification) are printed to standard
// error; --verify: exit 3 when there are any; --complete: the run was not filtered, so a scenario without a test case
// is one too. Exit 2 for bad input.
return LivingDoc.CommandLine.Run(args, Console.In, Console.Out, Console.Error);

namespace LivingDoc
{
    /// <summary>The program's command line, testable without a process.</summary>
    internal static class CommandLine
    {
        public const string Usage =
            "usage: living-doc --features <dir> [--messages <ndjson>|- ...] --output <dir> [--config <json>] [--history <dir>] [--commit <sha>] [--branch <name>] [--verify] [--complete]";

        public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error, Func<string, string?>? environment = null)
        {
            environment ??= Environment.GetEnvironmentVariable;
            var options = Options.Parse(args);
            if (options.Error is { } usage)
            {
                error.WriteLine($"living-doc: {usage}");
                error.WriteLine(Usage);
                return 2;
            }

            try
            {
                var config = options.Config is null ? LivingDocConfig.Default : LivingDocConfig.Read(options.Config);
                var files = FeatureFiles.Read(options.Features!);
                var mergeProblems = new List<string>();
                var messages = new RunMessages(options.AllMessages.Count > 1
                    ? MessagesMerge.Merge([.. options.AllMessages.Select(path => (path, ReadShard(path, input)))], mergeProblems)
                    : ReadMessages(options.Messages, input, output));
                var run = RunBuilder.Build(files, messages);
                var info = Info(options, messages, environment);
                var history = options.History is null ? History.Empty : HistoryStore.Update(options.History, run, info, config.HistoryKeep);
                var requirements = config.Catalogue is null ? [] : RequirementsCatalogue.Read(config.Catalogue);
                Site.Write(new PageContext(run, config, history, StepUsageBuilder.Build(messages, run)) { Requirements = requirements, Info = info }, options.Output!);
                var problems = mergeProblems.Concat(Verification.Check(messages, files, options.Complete)).ToList();
                foreach (var problem in problems)
                {
                    error.WriteLine($"living-doc: mismatch: {problem}");
                }

                var filtered = options.Complete ? 0 : Completeness.WithoutTestCase(messages).Count;
                if (filtered > 0)
                {
                    output.WriteLine($"living-doc: {filtered} scenarios of the features that ran have no test case (filtered out; with --complete that is a mismatch)");
                }

                var counts = run.Count(run.Features.SelectMany(f => f.Pickles));
                output.WriteLine($"living-doc: {run.Features.Count} features, {counts.Total} scenarios ({counts.Passed} passed, {counts.Failed} failed, " +
                    $"{counts.Pending} pending, {counts.Skipped} skipped, {counts.NotRun} not run) -> {Path.Combine(options.Output!, Site.IndexName)}");
                return options.Verify && problems.Count > 0 ? 3 : 0;
            }
            catch (Exception problem) when (problem is MessagesFormatException or FormatException or DirectoryNotFoundException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"living-doc: {problem.Message}");
                return 2;
            }
            catch (Exception problem)
            {
                // Messages that are each well formed but do not fit together in a way no check foresaw: still bad input, not a crash.
                error.WriteLine($"living-doc: cannot build the documentation from {options.Messages ?? "the features"}: {problem.GetType().Name}: {problem.Message}");
                return 2;
            }
        }

        /// <summary>The run's commit and branch (option, environment, else the features folder's checkout), times and versions.</summary>
        private static RunInfo Info(Options options, RunMessages messages, Func<string, string?> environment)
        {
            var git = options.Commit is null || options.Branch is null ? GitInfo.Of(options.Features!) : (null, null);
            static DateTimeOffset? Time(Io.Cucumber.Messages.Types.Timestamp? t) => t is null ? null : DateTimeOffset.FromUnixTimeSeconds(t.Seconds).AddTicks(t.Nanos / 100);
            return new RunInfo(
                options.Commit ?? environment("LIVINGDOC_COMMIT") ?? environment("GITHUB_SHA") ?? git.Commit,
                options.Branch ?? environment("LIVINGDOC_BRANCH") ?? environment("GITHUB_REF_NAME") ?? git.Branch,
                Time(messages.RunStarted?.Timestamp),
                Time(messages.RunFinished?.Timestamp),
                messages.Meta?.Runtime is { } runtime ? RuntimeName(runtime.Name) + " " + runtime.Version : null,
                messages.Meta?.Implementation is { } implementation ? implementation.Name + " " + implementation.Version : null);
        }

        /// <summary>The runtime as readers know it: Reqnroll's meta message names .NET "dotNet".</summary>
        private static string RuntimeName(string name) => name.Equals("dotNet", StringComparison.OrdinalIgnoreCase) ? ".NET" : name;

        /// <summary>One shard's messages: a shard that is missing is an error, not an empty run.</summary>
        private static IReadOnlyList<Io.Cucumber.Messages.Types.Envelope> ReadShard(string path, TextReader input)
        {
            if (path == "-")
            {
                return MessagesFile.Read(input, "standard input");
            }

            using var reader = new StreamReader(path);
            return MessagesFile.Read(reader, path);
        }

        private static IReadOnlyList<Io.Cucumber.Messages.Types.Envelope> ReadMessages(string? path, TextReader input, TextWriter output)
        {
            if (path == "-")
            {
                return MessagesFile.Read(input, "standard input");
            }

            if (path is null || !File.Exists(path))
            {
                output.WriteLine($"living-doc: no messages{(path is null ? "" : " at " + path)}; building a documentation-only view");
                return [];
            }

            using var reader = new StreamReader(path);
            return MessagesFile.Read(reader, path);
        }
    }
}
