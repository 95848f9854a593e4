using System.Text;
using Bdd.Gherkin;
using Bdd.Messages;

namespace Bdd.Cli;

/// <summary>
/// <c>messages [options] file.feature...</c>: prints Cucumber Messages NDJSON like the reference
/// <c>gherkin</c> executable. Exit codes: 0 (also when parseError envelopes were printed),
/// 1 a file cannot be read, 2 bad usage.
/// </summary>
public static class CliApp
{
    public const string Usage = """
        Usage: bdd messages [options] <file.feature> [more files...]

        Prints Cucumber Messages NDJSON (one envelope per line) for each Gherkin file:
        source, gherkinDocument and pickle envelopes, or parseError envelopes for a
        file with errors (the exit code stays 0 then, as with Cucumber's gherkin).

        Options:
          --no-source             do not print source envelopes
          --no-ast                do not print gherkinDocument envelopes
          --no-pickles            do not print pickle envelopes
          --predictable-ids       ids "0", "1", "2", ... (the default; one sequence for
                                  the whole run, so a single file matches Cucumber's test data)
          --uuid-ids              random UUID ids instead
          --default-language XX   dialect of files without "# language:" (default en)
          -h, --help              show this help
        """;

    /// <summary>Runs the command line; <paramref name="openStdout"/> gives the raw stream NDJSON goes to (UTF-8).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<Stream> openStdout)
    {
        if (args.Length == 0 || args.Contains("--help") || args.Contains("-h"))
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] != "messages")
        {
            stderr.WriteLine($"error: unknown command '{args[0]}' (expected 'messages')");
            stderr.WriteLine(Usage);
            return 2;
        }

        var options = new GherkinMessageOptions();
        IIdGenerator ids = new IncrementingIdGenerator();
        var files = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--no-source": options.IncludeSource = false; break;
                case "--no-ast": options.IncludeGherkinDocument = false; break;
                case "--no-pickles": options.IncludePickles = false; break;
                case "--predictable-ids": ids = new IncrementingIdGenerator(); break;
                case "--uuid-ids": ids = new GuidIdGenerator(); break;
                case "--default-language" when i + 1 < args.Length: options.DefaultLanguage = args[++i]; break;
                case var option when option.StartsWith('-'):
                    stderr.WriteLine($"error: unknown option '{option}'");
                    stderr.WriteLine(Usage);
                    return 2;
                default: files.Add(args[i]); break;
            }
        }

        if (files.Count == 0)
        {
            stderr.WriteLine("error: no feature file given");
            stderr.WriteLine(Usage);
            return 2;
        }

        foreach (var file in files)
        {
            if (!file.EndsWith(".feature", StringComparison.Ordinal))
            {
                stderr.WriteLine($"error: {file}: only .feature files are supported");
                return 2;
            }

            if (!File.Exists(file))
            {
                stderr.WriteLine($"error: {file}: no such file");
                return 1;
            }
        }

        using var output = new StreamWriter(openStdout(), new UTF8Encoding(false));
        foreach (var file in files)
        {
            string data;
            try
            {
                // like Node's readFileSync(path, 'utf-8'): a byte order mark is kept as U+FEFF
                data = new UTF8Encoding(false).GetString(File.ReadAllBytes(file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                output.Flush();
                stderr.WriteLine($"error: {file}: {e.Message}");
                return 1;
            }

            foreach (var envelope in MessageWriter.GherkinEnvelopes(file, data, options, ids))
            {
                MessageWriter.WriteEnvelope(output, envelope);
            }
        }

        return 0;
    }
}
