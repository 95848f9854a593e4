using System.Globalization;
using FluentAssertions;
using Runtime.Supervision.Engines;

namespace Steps.Drivers;

/// <summary>
/// The manager service (src/ManagerHost) in a process of its own, on loopback with a free port, running real engine
/// stubs. It is started through the runtime's launcher, so the kernel kills it when the test host dies (SIGKILL
/// included), and its engines die with it the same way. Settings accumulate until <see cref="StartAsync"/>; they are
/// passed on the command line over an empty configuration file. Disposal kills the service by pid, then every engine
/// pid the API ever showed that still runs.
/// </summary>
public sealed class ManagerServiceDriver : IDisposable
{
    /// <summary>
    /// Safety bound of every wait on the service (a hang detector, never a wait that passes): the service and its engine
    /// start within a second on an idle machine, and took up to 15 s with four suites building and testing on two cores.
    /// </summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly EngineLauncher _launcher = new(new EngineLauncherOptions { TimeProvider = TimeProvider.System });
    private readonly string _folder = Directory.CreateTempSubdirectory("manager-service-").FullName;
    private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal);
    private readonly List<string> _output = [];
    private TaskCompletionSource _lineWritten = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<int> _enginePids = [];
    private long _stopSignalled;

    /// <summary>Settings of a manager whose pools restart at once, probed often, on a free loopback port.</summary>
    public ManagerServiceDriver()
    {
        Set("Url", "http://127.0.0.1:0");
        Set("StateFile", Path.Combine(_folder, "pools.json"));
        Set("Supervision:Health:Interval", "00:00:00.200");
        Set("Supervision:Backoff:InitialDelay", "00:00:00.100");
        Set("Supervision:Backoff:JitterFactor", "0");
    }

    /// <summary>The service process, once started.</summary>
    public IEngineProcess? Process { get; private set; }

    /// <summary>The API's base address, once it listens.</summary>
    public Uri? BaseAddress { get; private set; }

    /// <summary>Every line the service wrote on stdout and stderr, in order.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToList();
            }
        }
    }

    /// <summary>
    /// Whether the service writes a line that matches <paramref name="match"/>, waiting for it within <see cref="Bound"/>:
    /// its console logger writes on a thread of its own, so a log line can follow the API's answer it belongs to.
    /// </summary>
    public async Task<bool> WritesAsync(Func<string, bool> match)
    {
        using var bound = new CancellationTokenSource(Bound);
        while (true)
        {
            Task written;
            lock (_output)
            {
                if (_output.Any(match))
                {
                    return true;
                }

                written = _lineWritten.Task;
            }

            try
            {
                await written.WaitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }

    /// <summary>Sets <c>Manager:<paramref name="key"/></c> for the next start.</summary>
    public void Set(string key, string value) => _settings[$"Manager:{key}"] = value;

    /// <summary>Configures pool <paramref name="pool"/> to run the engine stub serving <paramref name="model"/>, with <paramref name="stubFlags"/>.</summary>
    public void AddPool(string pool, string model, params string[] stubFlags)
    {
        string[] arguments = [.. HostCommands.EngineStub.Skip(1), "--model", "{model}", "--engine-version", "{engine_version}", .. stubFlags];
        Set($"Pools:{pool}:Command", HostCommands.EngineStub[0]);
        for (var i = 0; i < arguments.Length; i++)
        {
            Set($"Pools:{pool}:Arguments:{i.ToString(CultureInfo.InvariantCulture)}", arguments[i]);
        }

        Set($"Pools:{pool}:Model", model);
        Set($"Pools:{pool}:EngineVersion", "1.0");
    }

    /// <summary>Starts the service and waits until its API listens; fails with its output when it exits first.</summary>
    public async Task StartAsync()
    {
        Launch();
        try
        {
            BaseAddress = await Process!.Listening.WaitAsync(Bound);
        }
        catch (EngineExitedException e)
        {
            throw new InvalidOperationException($"the manager service exited before it listened ({e.Message}):\n{string.Join('\n', Output)}", e);
        }
    }

    /// <summary>Starts the service and waits until it has exited (a refused configuration); returns its exit.</summary>
    public async Task<EngineExit> AttemptStartAsync()
    {
        Launch();
        return await Process!.Exited.WaitAsync(Bound);
    }

    /// <summary>Sends SIGTERM to the service and notes when.</summary>
    public void Terminate()
    {
        Interlocked.Exchange(ref _stopSignalled, TimeProvider.System.GetTimestamp());
        Process!.Signal(Signals.SIGTERM).Should().BeTrue("the manager service should run until it is stopped");
    }

    /// <summary>Waits until the service has exited; returns its exit and the real time since SIGTERM.</summary>
    public async Task<(EngineExit Exit, TimeSpan SinceSigterm)> ExitedAsync()
    {
        var exit = await Process!.Exited.WaitAsync(Bound);
        return (exit, TimeProvider.System.GetElapsedTime(Interlocked.Read(ref _stopSignalled)));
    }

    /// <summary>Kills the service (by pid) and every engine it showed that still runs.</summary>
    public void Dispose()
    {
        _launcher.Dispose();
        foreach (var pid in EnginePids.Where(OperatingSystemProcess.IsRunning))
        {
            SignalSender.Send(pid, Signals.SIGKILL);
        }

        ScratchFolders.TryDelete(_folder);
    }

    /// <summary>Every engine pid the API showed.</summary>
    public IReadOnlyList<int> EnginePids
    {
        get
        {
            lock (_enginePids)
            {
                return _enginePids.ToList();
            }
        }
    }

    /// <summary>Notes an engine pid the API showed: it is killed at disposal if it still runs.</summary>
    public void SawEngine(int pid)
    {
        lock (_enginePids)
        {
            _enginePids.Add(pid);
        }
    }

    private void Launch()
    {
        var config = Path.Combine(_folder, "empty.json");
        File.WriteAllText(config, "{}");
        List<string> arguments = [.. HostCommands.ManagerHost.Skip(1), "--config", config];
        arguments.AddRange(_settings.Select(s => $"--{s.Key}={s.Value}"));
        Process = _launcher.Start(new EngineLaunchRequest(HostCommands.ManagerHost[0], arguments)
        {
            OnOutput = line =>
            {
                TaskCompletionSource written;
                lock (_output)
                {
                    _output.Add(line.Text);
                    written = _lineWritten;
                    _lineWritten = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                written.TrySetResult();
            },
        });
    }
}
