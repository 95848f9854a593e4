using System.Diagnostics.Metrics;
using ManagerHost.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Runtime.Supervision;

namespace ManagerHost.Service;

/// <summary>
/// The runtime objects of the manager, built once from its configuration: the registry (with the state file), the
/// launcher (its engines die with this process, SIGKILL included), the supervisor, drains and reloads. Disposal kills
/// every engine still running and waits for them.
/// </summary>
internal sealed class ManagerRuntime : IDisposable
{
    private readonly EngineLauncher _launcher = new();

    public ManagerRuntime(IOptions<ManagerOptions> options, ILoggerFactory logs, IMeterFactory meters, IHostEnvironment host)
    {
        Options = options.Value;
        var supervision = Options.Supervision;
        supervision.LoggerFactory = logs;
        supervision.MeterFactory = meters;
        StateFile = Options.StateFile is { } file ? Path.GetFullPath(file, host.ContentRootPath) : null;
        Registry = new PoolRegistry(new PoolRegistryOptions { StateFilePath = StateFile, LoggerFactory = logs });
        Supervisor = new Supervisor(Registry, _launcher, supervision);
        Drains = new DrainCoordinator(Registry, Supervisor, new DrainOptions { LoggerFactory = logs, MeterFactory = meters });
        Reloads = new ReloadCoordinator(Registry, Supervisor, Drains, new ReloadOptions { LoggerFactory = logs, MeterFactory = meters });
        Circuits = new CircuitReader(meters);
    }

    public ManagerOptions Options { get; }

    public string? StateFile { get; }

    public PoolRegistry Registry { get; }

    public Supervisor Supervisor { get; }

    public DrainCoordinator Drains { get; }

    public ReloadCoordinator Reloads { get; }

    public CircuitReader Circuits { get; }

    public ApiLeases Leases { get; } = new();

    /// <summary>The pids of the engines still running.</summary>
    public IReadOnlyCollection<int> RunningEngines => _launcher.RunningPids;

    public void Dispose()
    {
        Supervisor.Dispose();
        Reloads.Dispose();
        Drains.Dispose();
        Circuits.Dispose();
        _launcher.Dispose();
    }
}
