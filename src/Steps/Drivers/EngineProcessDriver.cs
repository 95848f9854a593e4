using Microsoft.Extensions.Time.Testing;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Steps.Time;

namespace Steps.Drivers;

/// <summary>
/// Owns the real engine processes of a scenario: a launcher on the scenario clock whose disposal kills
/// every engine still running, even when the scenario failed, and that remembers every engine it started.
/// Engines load their model from a scenario model directory (the stub's <c>--model-dir</c>), where a
/// model's file exists unless the scenario made it unloadable: such an engine exits with code 1 before
/// it listens, a real start failure. Runs the engine stub as <see cref="HostCommands.EngineStub"/> says. Times the health probes of each engine on a clock of its own
/// (<see cref="RequestClockOf"/>), which moves only when that engine holds a probe unanswered.
/// </summary>
public sealed class EngineProcessDriver : IEngineLauncher, IDisposable
{
    private readonly Dictionary<string, string[]> _modelFlags = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unloadable = new(StringComparer.Ordinal);
    private readonly List<(string Model, IEngineProcess Process)> _started = [];
    private readonly List<int> _helpers = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, FakeTimeProvider> _requestClocks = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, int> _ports = new();
    private readonly Lazy<string> _models = new(() => Directory.CreateTempSubdirectory("engine-models-").FullName);

    static EngineProcessDriver() => TestHost.Claim();

    /// <summary>Creates the launcher on the scenario clock.</summary>
    public EngineProcessDriver(ScenarioClock clock)
    {
        Launcher = new EngineLauncher(new EngineLauncherOptions { TimeProvider = clock.Time });
    }

    /// <summary>
    /// How long a health probe waits for an engine's answer. Measured on the clock of the engine's endpoint
    /// (<see cref="RequestClockOf"/>), not on the scenario clock: a healthy engine's answer is never cut short by a
    /// scenario's jump in time, however slow the machine; a hung engine's probe times out as soon as it is held.
    /// </summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The clock that times the health probes of the engine listening at <paramref name="endpoint"/>: it stands still
    /// until the engine says it holds a probe unanswered (the stub's <c>held GET /health unanswered</c>), then moves by
    /// <see cref="ProbeTimeout"/>, as real time would while the probe waits. Probes of one engine never overlap, so
    /// only the held one times out.
    /// </summary>
    public TimeProvider RequestClockOf(Uri endpoint) => ClockOfPort(endpoint.Port);

    /// <summary>The launcher of the scenario.</summary>
    public EngineLauncher Launcher { get; }

    /// <summary>Every engine started in the scenario, with the model it was started for, in order.</summary>
    public IReadOnlyList<(string Model, IEngineProcess Process)> Started
    {
        get
        {
            lock (_started)
            {
                return _started.ToList();
            }
        }
    }

    /// <summary>Makes every engine started for <paramref name="model"/> behave per <paramref name="flags"/>.</summary>
    public void Configure(string model, params string[] flags) => _modelFlags[model] = flags;

    /// <summary>
    /// Removes the model file of <paramref name="model"/>: from now on every engine started for it, including
    /// the restart of one already running, exits with code 1 before it listens.
    /// </summary>
    public void MakeUnloadable(string model)
    {
        _unloadable.Add(model);
        File.Delete(ModelFile(model));
    }

    /// <summary>The engine spec of the stub serving <paramref name="model"/> on <paramref name="version"/>.</summary>
    public EngineSpec Spec(string model, string version)
    {
        if (!_unloadable.Contains(model))
        {
            File.WriteAllText(ModelFile(model), $"weights of {model}");
        }

        return new(HostCommands.EngineStub[0], [.. HostCommands.EngineStub.Skip(1), "--exit-on-stdin-eof", "--model", "{model}", "--engine-version", "{engine_version}", "--model-dir", _models.Value, .. FlagsFor(model)], model, version);
    }

    /// <inheritdoc />
    public IEngineProcess Start(EngineLaunchRequest request)
    {
        var observe = request.OnOutput;
        request = new EngineLaunchRequest(request.Command, request.Arguments)
        {
            Environment = request.Environment,
            OnOutput = line =>
            {
                RememberHelper(line);
                TimeOutHeldProbe(line);
                observe?.Invoke(line);
            },
        };
        var process = Launcher.Start(request);
        var model = request.Arguments.SkipWhile(a => a != "--model").Skip(1).FirstOrDefault() ?? "";
        lock (_started)
        {
            _started.Add((model, process));
        }

        return process;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Launcher.Dispose();
        lock (_helpers)
        {
            // Helpers outlive their engine on purpose (they hold its output): they end with the scenario.
            _helpers.ForEach(pid => SignalSender.Send(pid, Signals.SIGKILL));
        }

        if (_models.IsValueCreated)
        {
            Directory.Delete(_models.Value, recursive: true);
        }
    }

    private void RememberHelper(EngineOutputLine line)
    {
        const string prefix = "helper pid ";
        if (line.Text.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(line.Text.AsSpan(prefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            lock (_helpers)
            {
                _helpers.Add(pid);
            }
        }
    }

    private void TimeOutHeldProbe(EngineOutputLine line)
    {
        if (line.Text.StartsWith(EngineDefaults.ListeningPrefix, StringComparison.Ordinal)
            && Uri.TryCreate(line.Text[EngineDefaults.ListeningPrefix.Length..].Trim(), UriKind.Absolute, out var endpoint))
        {
            _ports[line.Pid] = endpoint.Port;
        }
        else if (line.Text.StartsWith("held GET ", StringComparison.Ordinal) && _ports.TryGetValue(line.Pid, out var port))
        {
            // src/EngineStub/HealthServer.cs: the engine has read the request and will never answer it.
            ClockOfPort(port).Advance(ProbeTimeout);
        }
    }

    private FakeTimeProvider ClockOfPort(int port) => _requestClocks.GetOrAdd(port, _ => new FakeTimeProvider(ScenarioClock.Start));

    private string ModelFile(string model) => Path.Combine(_models.Value, model);

    private string[] FlagsFor(string model) => _modelFlags.TryGetValue(model, out var flags) ? flags : [];
}
