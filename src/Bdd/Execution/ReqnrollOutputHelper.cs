using System.Globalization;
using Bdd.Events;

namespace Bdd.Execution;

/// <summary>Writes to the scenario's <see cref="IScenarioOutput"/> and reports each line as a log attachment event.</summary>
internal sealed class ReqnrollOutputHelper(IScenarioOutput output, CultureInfo culture, Action<string, string, string?>? attach) : IReqnrollOutputHelper
{
    public const string LogMediaType = "text/x.cucumber.log+plain";

    public void WriteLine(string message)
    {
        output.WriteLine(message);
        attach?.Invoke(message, LogMediaType, null);
    }

    public void WriteLine(string format, params object[] args) => WriteLine(string.Format(culture, format, args));

    public void WriteInfo(string message) => WriteLine("-> " + message);

    public void AddAttachment(string filePath)
    {
        output.WriteLine("Attachment: " + filePath);
        attach?.Invoke(filePath, MediaTypeOf(filePath), Path.GetFileName(filePath));
    }

    private static string MediaTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".txt" or ".log" => "text/plain",
        ".json" => "application/json",
        ".html" => "text/html",
        _ => "application/octet-stream",
    };
}

/// <summary>Output for hooks outside a scenario (test run, feature): Console.Out.</summary>
internal sealed class ConsoleScenarioOutput : IScenarioOutput
{
    public static ConsoleScenarioOutput Instance { get; } = new();

    public void WriteLine(string message) => Console.Out.WriteLine(message);
}
