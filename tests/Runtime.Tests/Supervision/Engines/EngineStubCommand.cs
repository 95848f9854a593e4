using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;

namespace Runtime.Tests.Supervision.Engines;

/// <summary>
/// Builds command lines that run the engine stub copied next to the tests (<c>dotnet engine-stub.dll ...</c>). Names
/// this process in <c>SPECS_TEST_HOST_PID</c> first, so that every stub and manager host the tests start, and every
/// helper of a stub, ends when this test host ends, SIGKILL included (src/EngineStub/TestHostTie.cs).
/// </summary>
internal static class EngineStubCommand
{
    static EngineStubCommand() => Environment.SetEnvironmentVariable("SPECS_TEST_HOST_PID", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The stub assembly.</summary>
    public static string StubPath { get; } = Path.Combine(AppContext.BaseDirectory, "engine-stub.dll");

    /// <summary>The dotnet host: DOTNET_HOST_PATH, this process when it is dotnet, or the host above the runtime directory.</summary>
    public static string DotNet { get; } = FindDotNet();

    /// <summary>A launch request for the stub with <paramref name="flags"/>.</summary>
    public static EngineLaunchRequest Request(params string[] flags) => Request(null, flags);

    /// <summary>A launch request observing output through <paramref name="onOutput"/>.</summary>
    public static EngineLaunchRequest Request(Action<EngineOutputLine>? onOutput, params string[] flags) =>
        new(DotNet, [StubPath, "--exit-on-stdin-eof", .. flags]) { OnOutput = onOutput };

    /// <summary>An engine spec running the stub for <paramref name="model"/> with extra flags.</summary>
    public static EngineSpec Spec(string model, string version = "1.0", params string[] flags) =>
        new(DotNet, [StubPath, "--exit-on-stdin-eof", "--model", "{model}", "--engine-version", "{engine_version}", .. flags], model, version);

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
