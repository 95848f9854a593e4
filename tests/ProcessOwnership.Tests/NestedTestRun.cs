using System.Diagnostics;

namespace ProcessOwnership.Tests;

/// <summary>
/// A <c>dotnet test</c> of the specifications' built assembly (src/Steps, the configuration of this test's own build),
/// run as a child of this process with a filter. Its output is kept for the failure message.
/// </summary>
internal sealed class NestedTestRun : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private NestedTestRun(Process process) => _process = process;

    /// <summary>The pid of the <c>dotnet test</c> process.</summary>
    public int Pid => _process.Id;

    /// <summary>True once the <c>dotnet test</c> process has ended (it ends by itself once its test host is gone).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines it wrote.</summary>
    public string OutputTail
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output.TakeLast(30));
            }
        }
    }

    /// <summary>Starts <c>dotnet test Steps.dll --filter <paramref name="filter"/></c>.</summary>
    public static NestedTestRun Start(string filter)
    {
        var info = new ProcessStartInfo(DotNet()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["test", StepsAssembly(), "--filter", filter])
        {
            info.ArgumentList.Add(argument);
        }

        // The engine stub on the dotnet host, not the native one: an engine and its helper then live for a few hundred
        // milliseconds rather than a few, long enough to be seen in /proc before the scenario has ended.
        info.Environment["SPECS_NATIVE_STUB"] = "0"; // src/Steps/Drivers/HostCommands.cs

        var process = new Process { StartInfo = info };
        var run = new NestedTestRun(process);
        process.OutputDataReceived += (_, e) => run.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => run.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Waits, at most <paramref name="bound"/>, for the <c>dotnet test</c> process to end.</summary>
    public Task<bool> WaitForExitAsync(TimeSpan bound) => Steps.Drivers.OperatingSystemProcess.WaitForExitAsync(Pid, bound);

    /// <inheritdoc />
    public void Dispose() => _process.Dispose();

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    private static string StepsAssembly()
    {
        // This assembly is in tests/ProcessOwnership.Tests/bin/<configuration>/<framework>/: the specifications are in
        // src/Steps/bin/<configuration>/<framework>/ of the same checkout (the project reference builds them first).
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var output = Path.Combine("bin", here.Parent!.Name, here.Name);
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Specs.sln")))
        {
            root = root.Parent;
        }

        var steps = Path.Combine(root?.FullName ?? throw new DirectoryNotFoundException($"no Specs.sln above {here.FullName}"), "src", "Steps", output, "Steps.dll");
        return File.Exists(steps) ? steps : throw new FileNotFoundException($"the specifications are not built: {steps}");
    }

    private static string DotNet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";
}
