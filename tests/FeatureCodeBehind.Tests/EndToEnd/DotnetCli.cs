using System.Diagnostics;

namespace FeatureCodeBehind.Tests.EndToEnd;

/// <summary>
/// Runs the <c>dotnet</c> CLI (or another command) as a user would, with its output captured. The process is started
/// through <c>setpriv --pdeathsig KILL</c>, so it dies with the test host, SIGKILL included; one that outlives its
/// time is killed with its tree.
/// </summary>
public static class DotnetCli
{
    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>.</summary>
    public static (int Exit, string Output) Run(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null) =>
        Command("dotnet", arguments, environment, workingDirectory);

    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/>.</summary>
    public static (int Exit, string Output) Command(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("setpriv") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--pdeathsig", "KILL", "--", file }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(300_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(file + " " + string.Join(' ', start.ArgumentList) + " did not finish in 5 minutes");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}
