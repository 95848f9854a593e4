using LivingDoc.Messages;
using LivingDoc.Model;
using LivingDoc.Pages;

// living-doc --features <dir> [--messages <ndjson>|-] --output <dir> [--config living-doc.json] [--history <dir>] [--verify]
// Builds the living documentation (one self-contained index.html) from the feature files and, when given and present,
// the Cucumber Messages of a run. Without messages it is documentation only: every scenario not run. --history keeps
// the last runs there (trend per feature, flaky scenarios). --verify: exit 3 when the messages drop or mislabel a
// scenario (see Verification). Exit 2 for bad input.
return LivingDoc.CommandLine.Run(args, Console.Out, Console.Error);

namespace LivingDoc
{
    /// <summary>The program's command line, testable without a process.</summary>
    internal static class CommandLine
    {
        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            var options = Options.Parse(args);
            if (options.Error is { } usage)
            {
                error.WriteLine($"living-doc: {usage}");
                error.WriteLine("usage: living-doc --features <dir> [--messages <ndjson>|-] --output <dir> [--config <json>] [--history <dir>] [--verify]");
                return 2;
            }

            try
            {
                var config = options.Config is null ? LivingDocConfig.Default : LivingDocConfig.Read(options.Config);
                var files = FeatureFiles.Read(options.Features!);
                var messages = new RunMessages(ReadMessages(options.Messages, output));
                var run = RunBuilder.Build(files, messages);
                var history = options.History is null ? History.Empty : HistoryStore.Update(options.History, run, config.HistoryKeep);
                Site.Write(new PageContext(run, config, history, StepUsageBuilder.Build(messages, run)), options.Output!);
                var problems = Verification.Check(messages);
                foreach (var problem in problems)
                {
                    error.WriteLine($"living-doc: mismatch: {problem}");
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
        }

        private static IReadOnlyList<Io.Cucumber.Messages.Types.Envelope> ReadMessages(string? path, TextWriter output)
        {
            if (path == "-")
            {
                return MessagesFile.Read(Console.In, "standard input");
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
