using System.Globalization;
using System.Runtime.InteropServices;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;

namespace ManagerHost.Ownership;

/// <summary>
/// The test modes the engine-ownership specs kill (features/supervision/engine-ownership.feature), unchanged:
/// <code>
/// manager-host [--untied] COUNT COMMAND [ARGUMENT...]
///   Starts COUNT engines running COMMAND through the runtime's EngineLauncher, writes 'engine pid N' for each,
///   then 'ready', and runs until it is killed, or stopped by SIGTERM, which it handles as a service does: it
///   returns from Main (since .NET 10 the runtime no longer turns a SIGTERM nobody handles into a normal exit).
///   It never stops its engines itself: whether they survive it is what the specs observe. With --untied the
///   kernel does not tie the engines to it (EngineLauncherOptions.KillEnginesWithOwner = false): only the
///   launcher's own clean-up at exit ends them.
/// manager-host --write-state PATH
///   Registers pool-1, pool-2, ... in a registry saving to PATH, one after another without end, and writes
///   'saved N' once the save of pool-N has returned (it is on disk). A test kills it mid-write.
/// </code>
/// </summary>
internal static class OwnershipModes
{
    /// <summary>True for the argument shapes of these modes: <c>--write-state</c>, <c>--untied</c>, or a count first.</summary>
    public static bool Claims(string[] args) =>
        args is ["--write-state", ..] or ["--untied", ..] || (args.Length > 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out _));

    /// <summary>Runs the mode <paramref name="args"/> name; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["--write-state", var path])
        {
            var registry = new PoolRegistry(new PoolRegistryOptions { StateFilePath = path });
            for (var n = 1; ; n++)
            {
                registry.Register($"pool-{n}", new EngineSpec("engine", ["--model", "{model}"], "llama-7b-v1", "1.0"), new Dictionary<string, string> { ["n"] = n.ToString(CultureInfo.InvariantCulture) });
                Console.Out.WriteLine($"saved {n}");
                Console.Out.Flush();
            }
        }

        var untied = args is ["--untied", ..];
        if (untied)
        {
            args = args[1..];
        }

        if (args.Length < 2 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            Console.Error.WriteLine("usage: manager-host [--untied] COUNT COMMAND [ARGUMENT...] | manager-host --write-state PATH");
            return 2;
        }

        var launcher = new EngineLauncher(new EngineLauncherOptions { KillEnginesWithOwner = !untied });
        for (var i = 0; i < count; i++)
        {
            var engine = launcher.Start(new EngineLaunchRequest(args[1], args[2..]));
            Console.Out.WriteLine($"engine pid {engine.Pid}");
        }

        using var stopped = new CancellationTokenSource();
        using var onSigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stopped.Cancel();
        });
        Console.Out.WriteLine("ready");
        Console.Out.Flush();
        try
        {
            await Task.Delay(Timeout.Infinite, stopped.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopped by SIGTERM: Main returns, and the process exits normally.
        }

        return 0;
    }
}
