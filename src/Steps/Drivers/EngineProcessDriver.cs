using Runtime.Engines;
using Runtime.Pools;
using Steps.Time;

namespace Steps.Drivers;

/// <summary>
/// Owns the real engine processes of a scenario: a launcher on the scenario clock whose disposal kills
/// every engine still running, even when the scenario failed. Finds the engine stub next to the
/// specifications (or in src/EngineStub/bin while Steps.csproj does not copy it yet).
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
        if (File.Exists(local))
        {
            return local;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var bin = Path.Combine(dir.FullName, "src", "EngineStub", "bin");
            if (Directory.Exists(bin))
            {
                var found = Directory.GetFiles(bin, "engine-stub.dll", SearchOption.AllDirectories)
                    .Where(f => File.Exists(Path.ChangeExtension(f, ".runtimeconfig.json")))
                    .OrderByDescending(File.GetLastWriteTimeUtc)
                    .FirstOrDefault();
                if (found is not null)
                {
                    return found;
                }
            }
        }

        throw new FileNotFoundException($"engine-stub.dll was found neither in {AppContext.BaseDirectory} nor under src/EngineStub/bin: build src/EngineStub");
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
