using Runtime.Engines;
using Runtime.Pools;
using Steps.Time;

namespace Steps.Drivers;

/// <summary>
/// Owns the real engine processes of a scenario: a launcher on the scenario clock whose disposal kills
/// every engine still running, even when the scenario failed. Finds the engine stub next to the
/// specifications, where the project reference to src/EngineStub copies it.
/// </summary>
public sealed class EngineProcessDriver : IDisposable
{
    private readonly Dictionary<string, string[]> _modelFlags = new(StringComparer.Ordinal);

    /// <summary>Creates the launcher on the scenario clock.</summary>
    public EngineProcessDriver(ScenarioClock clock)
    {
        Launcher = new EngineLauncher(new EngineLauncherOptions { TimeProvider = clock.Time });
    }

    /// <summary>The launcher of the scenario.</summary>
    public EngineLauncher Launcher { get; }

    /// <summary>The engine stub assembly.</summary>
    public static string StubPath { get; } = FindStub();

    /// <summary>The dotnet host that runs the stub.</summary>
    public static string DotNet { get; } = FindDotNet();

    /// <summary>Makes every engine started for <paramref name="model"/> behave per <paramref name="flags"/>.</summary>
    public void Configure(string model, params string[] flags) => _modelFlags[model] = flags;

    /// <summary>The engine spec of the stub serving <paramref name="model"/> on <paramref name="version"/>.</summary>
    public EngineSpec Spec(string model, string version) =>
        new(DotNet, [StubPath, "--exit-on-stdin-eof", "--model", "{model}", "--engine-version", "{engine_version}", .. FlagsFor(model)], model, version);

    /// <inheritdoc />
    public void Dispose() => Launcher.Dispose();

    private string[] FlagsFor(string model) => _modelFlags.TryGetValue(model, out var flags) ? flags : [];

    private static string FindStub()
    {
        var local = Path.Combine(AppContext.BaseDirectory, "engine-stub.dll");
        return File.Exists(local)
            ? local
            : throw new FileNotFoundException($"engine-stub.dll is not next to the specifications in {AppContext.BaseDirectory}: Steps.csproj references src/EngineStub to copy it there; rebuild src/Steps");
    }

    private static string FindDotNet()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        var candidate = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", "dotnet"));
        return File.Exists(candidate) ? candidate : "dotnet";
    }
}
