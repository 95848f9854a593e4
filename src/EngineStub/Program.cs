using System.Runtime.InteropServices;
using EngineStub;

// The stub is a real process and plays a real engine, so it lives on the real clock (Task.Delay):
// the runtime under test never does.
TestHostTie.EndWithTestHost();
if (args is [StubOptions.HoldOutputFlag])
{
    // The helper of --helper-holds-output: it holds the output it inherited from its stub, and outlives it, until it
    // has waited 600 s or the test host has ended.
    await Task.Delay(TimeSpan.FromSeconds(600));
    return 0;
}

StubOptions options;
try
{
    options = StubOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"engine-stub: {e.Message}");
    return 2;
}

if (options.ShowHelp)
{
    Console.Out.Write(StubOptions.Help);
    return 0;
}

if (options.ModelDir is { } modelDir && Path.Combine(modelDir, options.Model) is var weights && !File.Exists(weights))
{
    // A real engine that cannot load its model dies before it opens its port.
    Console.Error.WriteLine($"engine-stub: cannot load model {options.Model}: {weights} not found");
    return 1;
}

var state = new StubState();
if (!options.NeverHealthy && options.HealthyAfterMs == 0)
{
    state.BecomeHealthy();
}
var exit = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
var stopping = 0;

using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    if (options.IgnoreSigterm)
    {
        Console.Out.WriteLine("SIGTERM received: ignored");
        return;
    }

    if (Interlocked.Exchange(ref stopping, 1) == 0)
    {
        Console.Out.WriteLine($"SIGTERM received: finishing in-flight work ({options.ShutdownMs} ms)");
        _ = Task.Delay(options.ShutdownMs).ContinueWith(_ => exit.TrySetResult(0), TaskScheduler.Default);
    }
});

var port = new HealthServer(options, state).Start();
Console.Out.WriteLine($"engine-stub {options.EngineVersion} serving {options.Model}");
Console.Out.WriteLine($"listening on http://127.0.0.1:{port}");

if (options.HelperHoldsOutput)
{
    // No redirection: the helper inherits this process's stdout and stderr, the pipes to the manager. It is this stub
    // again, in its helper mode, so that it ends with the test host though it outlives the stub (TestHostTie).
    var self = new System.Diagnostics.ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(self.FileName) == "dotnet")
    {
        self.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "engine-stub.dll"));
    }

    self.ArgumentList.Add(StubOptions.HoldOutputFlag);
    var helper = System.Diagnostics.Process.Start(self)!;
    Console.Out.WriteLine($"helper pid {helper.Id}");
}

if (!options.IgnoreParent)
{
    WatchParent(exit);
}

if (options.ExitOnStdinEof)
{
    _ = Task.Run(async () =>
    {
        using var stdin = new StreamReader(Console.OpenStandardInput());
        while (await stdin.ReadLineAsync() is { } command)
        {
            StubCommands.Run(command, state, exit);
        }

        if (!options.IgnoreParent)
        {
            exit.TrySetResult(0);
        }
    });
}

if (!options.NeverHealthy && options.HealthyAfterMs > 0)
{
    After(options.HealthyAfterMs, state.BecomeHealthy);
}

if (options.HangAfterMs is { } hang)
{
    After(hang, () =>
    {
        state.Hang();
        Console.Out.WriteLine("hung: /health no longer answers");
    });
}

if (options.Logs.Count > 0 || options.ErrorLogs.Count > 0)
{
    After(options.LogAfterMs, () =>
    {
        options.Logs.ForEach(Console.Out.WriteLine);
        options.ErrorLogs.ForEach(Console.Error.WriteLine);
    });
}

if (options.ExitCode is { } code)
{
    After(options.ExitAfterMs, () => exit.TrySetResult(code));
}

if (options.Signal is { } signal)
{
    After(options.SignalAfterMs, () => Native.DieBy(Native.SignalNumber(signal)!.Value));
}

var result = await exit.Task;
Console.Out.WriteLine($"exiting with code {result}");
Console.Out.Flush();
Console.Error.Flush();
return result;

static void After(int milliseconds, Action action) =>
    _ = Task.Delay(milliseconds).ContinueWith(_ => action(), TaskScheduler.Default);

static void WatchParent(TaskCompletionSource<int> exit)
{
    // Two signs that the manager is gone: our parent changed (we were re-parented), or the process named
    // by ENGINE_PARENT_PID (the manager, which may not be our direct parent) no longer exists.
    var parent = Native.ParentPid();
    var manager = int.TryParse(Environment.GetEnvironmentVariable("ENGINE_PARENT_PID"), out var pid) && pid > 0 ? pid : (int?)null;
    _ = Task.Run(async () =>
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (await timer.WaitForNextTickAsync())
        {
            if (Native.ParentPid() != parent || (manager is { } m && !Native.Exists(m)))
            {
                Console.Out.WriteLine("parent process gone: exiting");
                exit.TrySetResult(0);
                return;
            }
        }
    });
}
