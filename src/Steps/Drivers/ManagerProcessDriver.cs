using System.Diagnostics;
using System.Globalization;
using FluentAssertions;
using Runtime.Engines;

namespace Steps.Drivers;

/// <summary>
/// A separate manager process (src/ManagerHost) that owns engines through the runtime's launcher, so a
/// scenario can end the manager by a real signal and look for engines that outlived it. Disposal kills
/// the manager and every engine it reported, even when the scenario failed.
/// </summary>
public sealed class ManagerProcessDriver : IDisposable
{
    private readonly List<int> _engines = [];
    private Process? _manager;

    /// <summary>The engine pids the manager reported.</summary>
    public IReadOnlyList<int> Engines => _engines;

    /// <summary>The engine stub's command line for an engine that neither watches its parent nor reads its stdin.</summary>
    public static string[] StubIgnoringItsParent => [EngineProcessDriver.DotNet, EngineProcessDriver.StubPath, "--ignore-parent"];

    /// <summary>
    /// Starts the manager with <paramref name="count"/> engines running <paramref name="commandLine"/>; returns once they run.
    /// <paramref name="untied"/> turns off the kernel's tie (<see cref="EngineLauncherOptions.KillEnginesWithOwner"/>).
    /// </summary>
    public async Task StartAsync(int count, IReadOnlyList<string> commandLine, bool untied = false)
    {
        var info = new ProcessStartInfo(EngineProcessDriver.DotNet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "manager-host.dll"));
        if (untied)
        {
            info.ArgumentList.Add("--untied");
        }

        info.ArgumentList.Add(count.ToString(CultureInfo.InvariantCulture));
        foreach (var argument in commandLine)
        {
            info.ArgumentList.Add(argument);
        }

        _manager = Process.Start(info)!;
        using var bound = new CancellationTokenSource(PoolDriver.Bound);
        while (await _manager.StandardOutput.ReadLineAsync(bound.Token) is { } line && line != "ready")
        {
            if (line.StartsWith("engine pid ", StringComparison.Ordinal))
            {
                _engines.Add(int.Parse(line["engine pid ".Length..], CultureInfo.InvariantCulture));
            }
        }

        if (_engines.Count != count)
        {
            throw new InvalidOperationException($"the manager reported {_engines.Count} of {count} engines: {await _manager.StandardError.ReadToEndAsync(bound.Token)}");
        }
    }

    /// <summary>Sends <paramref name="signal"/> to the manager and waits until it has ended.</summary>
    public async Task EndAsync(int signal)
    {
        var manager = _manager ?? throw new InvalidOperationException("no manager process was started in this scenario");
        SignalSender.Send(manager.Id, signal).Should().BeTrue("the manager process should be running until it is signalled");
        await manager.WaitForExitAsync().WaitAsync(PoolDriver.Bound);
    }

    /// <summary>The engines still running once they have all ended, or once <see cref="PoolDriver.Bound"/> has passed.</summary>
    public async Task<IReadOnlyList<int>> SurvivorsAsync()
    {
        // The kernel ends orphaned engines asynchronously: each wait is woken by the engine's exit.
        await Task.WhenAll(_engines.Select(pid => OperatingSystemProcess.WaitForExitAsync(pid, PoolDriver.Bound)));
        return _engines.Where(OperatingSystemProcess.IsRunning).ToList();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_manager is { HasExited: false })
        {
            SignalSender.Send(_manager.Id, Signals.SIGKILL);
        }

        _engines.Where(OperatingSystemProcess.IsRunning).ToList().ForEach(pid => SignalSender.Send(pid, Signals.SIGKILL));
        _manager?.Dispose();
    }
}
