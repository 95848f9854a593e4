namespace Steps.Drivers;

/// <summary>
/// The command lines the scenarios start the project's two executables with, before their own arguments: the native
/// executables src/Steps/Steps.csproj publishes into native/ where gcc links them (an engine stub starts in
/// milliseconds, the manager listens with its first engine ready in about 0.2 s of CPU), or otherwise the assemblies
/// next to the specifications on the dotnet host, which behave the same and start slower.
/// </summary>
public static class HostCommands
{
    /// <summary>Set to <c>0</c>, the manager runs as manager-host.dll even where a native one was built: the native one
    /// holds its own compiled copy of the runtime, which a mutation run (bench/mutation/run.sh) does not mutate.</summary>
    public const string NativeManagerVariable = "SPECS_NATIVE_MANAGER";

    /// <summary>Set to <c>0</c>, the engine stub runs as engine-stub.dll even where a native one was built (slower to
    /// start: tests/ProcessOwnership.Tests needs its processes to live long enough to be seen in /proc).</summary>
    public const string NativeStubVariable = "SPECS_NATIVE_STUB";

    /// <summary>The dotnet host.</summary>
    public static string DotNet { get; } = FindDotNet();

    /// <summary>The engine stub (src/EngineStub).</summary>
    public static IReadOnlyList<string> EngineStub { get; } = Find(
        Path.Combine("native", "engine-stub"), "engine-stub.dll", native: Environment.GetEnvironmentVariable(NativeStubVariable) != "0");

    /// <summary>The manager service (src/ManagerHost), also the owner of engines the engine-ownership scenarios kill.</summary>
    public static IReadOnlyList<string> ManagerHost { get; } = Find(
        Path.Combine("native", "manager", "manager-host"), "manager-host.dll", native: Environment.GetEnvironmentVariable(NativeManagerVariable) != "0");

    private static string[] Find(string nativePath, string assemblyName, bool native)
    {
        var executable = Path.Combine(AppContext.BaseDirectory, nativePath);
        if (native && File.Exists(executable))
        {
            return [executable];
        }

        var assembly = Path.Combine(AppContext.BaseDirectory, assemblyName);
        return File.Exists(assembly)
            ? [DotNet, assembly]
            : throw new FileNotFoundException($"{assemblyName} is not next to the specifications in {AppContext.BaseDirectory}: Steps.csproj references its project to copy it there (and publishes it natively into native/ where gcc links); rebuild src/Steps");
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
