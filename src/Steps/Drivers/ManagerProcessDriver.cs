using System.Globalization;
using System.Threading.Channels;
using FluentAssertions;
using Runtime.Supervision.Engines;

namespace Steps.Drivers;

/// <summary>
/// A separate manager process (src/ManagerHost) that owns engines through the runtime's launcher, so a
/// scenario can end the manager by a real signal and look for engines that outlived it. The manager is started
/// through a launcher of its own, tied to this process as the runtime ties an engine to its manager: the kernel kills
/// it when the test host dies, SIGKILL included. Disposal kills the manager and every engine it reported, even when
/// the scenario failed.
/// </summary>
public sealed class ManagerProcessDriver : IDisposable
{
    private readonly List<int> _engines = [];
    private readonly EngineLauncher _launcher = new();
    private IEngineProcess? _manager;

    static ManagerProcessDriver() => TestHost.Claim();

    /// <summary>The engine pids the manager reported.</summary>
    public IReadOnlyList<int> Engines => _engines;

    /// <summary>The engines that were running at the moment the manager was signalled to end.</summary>
    public IReadOnlyList<int> RunningWhenEnded { get; private set; } = [];

    /// <summary>The engine stub's command line for an engine that neither watches its parent nor reads its stdin.</summary>
    public static string[] StubIgnoringItsParent => [.. HostCommands.EngineStub, "--ignore-parent"];

    /// <summary>
    /// Starts the manager with <paramref name="count"/> engines running <paramref name="commandLine"/>; returns once they run.
    /// <paramref name="untied"/> turns off the kernel's tie (<see cref="EngineLauncherOptions.KillEnginesWithOwner"/>).
    /// </summary>
    public async Task StartAsync(int count, IReadOnlyList<string> commandLine, bool untied = false)
    {
        string[] arguments = [.. HostCommands.ManagerHost.Skip(1), .. untied ? ["--untied"] : Array.Empty<string>(), count.ToString(CultureInfo.InvariantCulture), .. commandLine];
        var lines = Channel.CreateUnbounded<EngineOutputLine>();
        _manager = _launcher.Start(new EngineLaunchRequest(HostCommands.ManagerHost[0], arguments) { OnOutput = line => lines.Writer.TryWrite(line) });
        _ = _manager.Exited.ContinueWith(_ => lines.Writer.TryComplete(), TaskScheduler.Default);
        var errors = new List<string>();
        using var bound = new CancellationTokenSource(PoolDriver.Bound);
        await foreach (var line in lines.Reader.ReadAllAsync(bound.Token))
        {
            if (line.IsError)
            {
                errors.Add(line.Text);
            }
            else if (line.Text == "ready")
            {
                break;
            }
            else if (line.Text.StartsWith("engine pid ", StringComparison.Ordinal))
            {
                _engines.Add(int.Parse(line.Text["engine pid ".Length..], CultureInfo.InvariantCulture));
            }
        }

        if (_engines.Count != count)
        {
            throw new InvalidOperationException($"the manager reported {_engines.Count} of {count} engines: {string.Join(Environment.NewLine, errors)}");
        }
    }

    /// <summary>Sends <paramref name="signal"/> to the manager and waits until it has ended.</summary>
    public async Task EndAsync(int signal)
    {
        var manager = _manager ?? throw new InvalidOperationException("no manager process was started in this scenario");
        RunningWhenEnded = _engines.Where(OperatingSystemProcess.IsRunning).ToList();
        manager.Signal(signal).Should().BeTrue("the manager process should be running until it is signalled");
        await manager.Exited.WaitAsync(PoolDriver.Bound);
    }

    /// <summary>The engines still running once they have all ended, or once <see cref="PoolDriver.Bound"/> has passed.</summary>
    public async Task<IReadOnlyList<int>> SurvivorsAsync()
    {
        // The kernel ends orphaned engines asynchronously: each wait is woken by the engine's exit.
        await Task.WhenAll(_engines.Select(pid => OperatingSystemProcess.WaitForExitAsync(pid, PoolDriver.Bound)));
        return _engines.Where(OperatingSystemProcess.IsRunning).ToList();
    }

    /// <summary>The engines alive with no kill under way: read at once, as the kernel's kill is sent before the manager is reaped.</summary>
    public IReadOnlyList<int> Unkilled() => _engines.Where(OperatingSystemProcess.IsRunningUnkilled).ToList();

    /// <inheritdoc />
    public void Dispose()
    {
        _launcher.Dispose();
        _engines.Where(OperatingSystemProcess.IsRunning).ToList().ForEach(pid => SignalSender.Send(pid, Signals.SIGKILL));
    }
}
