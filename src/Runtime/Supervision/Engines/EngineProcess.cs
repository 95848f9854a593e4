using System.Diagnostics;

namespace Runtime.Supervision.Engines;

/// <summary>An engine child process started through <see cref="System.Diagnostics.Process"/>.</summary>
internal sealed class EngineProcess : IEngineProcess
{
    private readonly Process _process;
    private readonly TimeProvider _time;
    private readonly Action<EngineOutputLine>? _onOutput;
    private readonly TimeSpan _outputDrainLimit;
    private OutputEnd _outputEnd = null!;
    private volatile int _announcedExit = -1;
    // Signals take a lock of their own: a write holds the process's lock while the engine's input pipe is full.
    private readonly object _signalLock = new();
    private volatile bool _released;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _reaped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private EngineProcess(Process process, TimeProvider time, Action<EngineOutputLine>? onOutput, TimeSpan outputDrainLimit)
    {
        _process = process;
        _time = time;
        _onOutput = onOutput;
        _outputDrainLimit = outputDrainLimit;
        _ = _listening.Task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
        Exited = null!;
    }

    public int Pid { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public Task<Uri> Listening => _listening.Task;

    public Task<EngineExit> Exited { get; private set; }

    public bool HasExited => Exited.IsCompleted;

    /// <summary>
    /// Starts the process; output observation and the wait-status watcher begin at once. With
    /// <paramref name="killWithOwner"/> the kernel ends it when this process ends (see <see cref="OwnedSpawner"/>).
    /// <paramref name="outputDrainLimit"/> bounds the wait for the end of its output once it has ended (see <see cref="OutputEnd"/>).
    /// <paramref name="readWaitStatus"/> reads the kernel's status of the pid once it has ended, or null when it cannot
    /// (<see cref="WaitStatusReader.Watch"/> unless given: tests give one that always loses the race to .NET's reaping).
    /// </summary>
    public static EngineProcess Start(
        EngineLaunchRequest request, TimeProvider time, bool killWithOwner, TimeSpan outputDrainLimit,
        Func<int, Task<EngineExit?>>? readWaitStatus = null)
    {
        var command = OwnedSpawner.Resolve(request.Command)
            ?? throw new EngineStartException(request.Command, new FileNotFoundException("no such executable file (looked for it as a path and on PATH)"));
        var owned = killWithOwner && OperatingSystem.IsLinux();
        var info = new ProcessStartInfo(owned ? OwnedSpawner.Setpriv ?? throw MissingSetpriv(request.Command) : command)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (owned)
        {
            foreach (var argument in (string[])["--pdeathsig", "KILL", "--", command])
            {
                info.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in request.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in request.Environment)
        {
            info.Environment[name] = value;
        }

        if (!request.Environment.ContainsKey(EngineDefaults.ParentPidVariable))
        {
            info.Environment[EngineDefaults.ParentPidVariable] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var engine = new EngineProcess(process, time, request.OnOutput, outputDrainLimit);
        process.OutputDataReceived += (_, e) => engine.OnLine(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => engine.OnLine(e.Data, isError: true);
        process.Exited += (_, _) => engine._reaped.TrySetResult();
        try
        {
            OwnedSpawner.Run(process.Start);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            throw new EngineStartException(request.Command, e);
        }

        engine.Pid = process.Id;
        engine.StartedAt = time.GetUtcNow();
        var waitStatus = (readWaitStatus ?? WaitStatusReader.Watch)(process.Id);
        engine._outputEnd = OutputEnd.Open(process.Id);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        engine.Exited = Task.Run(() => engine.ObserveExitAsync(waitStatus));
        return engine;
    }

    private static EngineStartException MissingSetpriv(string command) => new(command, new FileNotFoundException(
        "setpriv (util-linux) is not on PATH: it ties the engine to this process so that no engine outlives it; "
        + "install util-linux, or set EngineLauncherOptions.KillEnginesWithOwner to false to run engines that may outlive this process"));

    public bool WriteLine(string line)
    {
        try
        {
            lock (_process)
            {
                // Released once the exit is known (before Exited completes), and the input closed then.
                if (_released)
                {
                    return false;
                }

                // Process.StandardInput flushes every write (AutoFlush): the engine has the line when this returns.
                _process.StandardInput.WriteLine(line);
            }

            return true;
        }
        catch (IOException)
        {
            // Nobody reads the engine's input any more.
            return false;
        }
    }

    public bool Signal(int signal)
    {
        lock (_signalLock)
        {
            // Once its exit is known the pid may be another process's: it is never signalled again.
            return !_released && !_process.HasExited && SignalSender.Send(Pid, signal);
        }
    }

    public async Task<EngineExit> StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken = default)
    {
        // An engine that has ended is not signalled again, and the wait below returns its exit at once.
        Signal(Signals.SIGTERM);
        try
        {
            return await Exited.WaitAsync(gracePeriod, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Signal(Signals.SIGKILL);
            return await Exited.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Kills the engine if it runs and returns once it has ended (its pipes and handles were released then).</summary>
    public async ValueTask DisposeAsync()
    {
        Signal(Signals.SIGKILL);
        await Exited.ConfigureAwait(false);
    }

    /// <summary>Kills the process if it runs and waits up to <paramref name="wait"/> (real time) for it to end.</summary>
    public void KillAndWait(TimeSpan wait)
    {
        Signal(Signals.SIGKILL);
        Exited.Wait(wait);
    }

    /// <summary>
    /// The exit is the kernel's (the child was reaped), never the end of its output: a helper process that
    /// inherited the engine's stdout keeps the pipe open after the engine died. The output left in the pipe is
    /// still read: up to the marker written behind it (<see cref="OutputEnd"/>), or to the end of file, however long
    /// the reader takes (a busy machine can hold it for seconds). Only when neither can tell (the marker could not be
    /// written and a helper holds the pipes) is the wait cut at the output drain limit (real time: it is the OS's pipe).
    /// It runs on the thread pool (<see cref="Start"/> runs it there), so no await in it meets a caller's context, even
    /// when the engine was reaped before its start returned.
    /// </summary>
    private async Task<EngineExit> ObserveExitAsync(Task<EngineExit?> waitStatus)
    {
        // Stryker disable Boolean : equivalent, this runs on the thread pool (Task.Run in Start): no await here has a context to resume on
        await _reaped.Task.ConfigureAwait(false);
        using (var endOfOutput = new CancellationTokenSource(Timeout.InfiniteTimeSpan, TimeProvider.System))
        {
            var endOfFile = _process.WaitForExitAsync(endOfOutput.Token);
            var marked = _outputEnd.MarkAsync();
            if (await Task.WhenAny(marked, endOfFile).ConfigureAwait(false) == marked && !await marked.ConfigureAwait(false))
            {
                endOfOutput.CancelAfter(_outputDrainLimit);
                try
                {
                    await endOfFile.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Someone else holds the output pipes open: the exit is known, the rest of the output is not waited for.
                }
            }

            // However the wait ended, the wait for the end of file (a helper may still hold the pipes) ends here.
            endOfOutput.Cancel();
        }

        var raw = _process.ExitCode;
        // Each reading keeps .NET's code as it is (128 + signal for a signal death): the kernel's status says the same.
        var exit = await waitStatus.ConfigureAwait(false)
            ?? (_announcedExit == raw
                ? EngineExit.Exited(raw, ExitStatusSource.ExitAnnouncement)
                : EngineExit.FromDotNetExitCode(raw));
        // Stryker restore Boolean
        Release();
        _listening.TrySetException(new EngineExitedException(Pid, exit));
        return exit;
    }

    /// <summary>
    /// Releases what this process holds of the engine, which ended, whether or not anyone disposes it (the supervisor
    /// keeps only the latest engine of a pool): the ends of its pipes and the process object. Process.Dispose alone
    /// leaves the input's write end open (others may hold the stream) until a finalizer runs: before this, three
    /// descriptors stayed open for each engine ever started.
    /// </summary>
    private void Release()
    {
        lock (_signalLock)
        {
            _released = true;
        }

        lock (_process)
        {
            try
            {
                _process.StandardInput.Dispose();
            }
            catch (IOException)
            {
                // A line the engine stopped reading was still buffered: the pipe is closed all the same, and nothing is owed.
            }
        }

        // Stryker disable once Statement : equivalent, the exit marked both pipes first, and each mark closed its writer
        _outputEnd.Dispose();
        _process.Dispose();
    }

    private void OnLine(string? line, bool isError)
    {
        if (line is not { } text || (_outputEnd.TakeMarker(ref text, isError) && text.Length == 0))
        {
            return;
        }

        if (!isError && text.StartsWith(EngineDefaults.ListeningPrefix, StringComparison.Ordinal)
            && Uri.TryCreate(text[EngineDefaults.ListeningPrefix.Length..].Trim(), UriKind.Absolute, out var endpoint))
        {
            _listening.TrySetResult(endpoint);
        }
        else if (!isError && text.StartsWith(EngineDefaults.ExitAnnouncementPrefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(EngineDefaults.ExitAnnouncementPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            _announcedExit = code;
        }

        _onOutput?.Invoke(new EngineOutputLine(Pid, text, isError, _time.GetUtcNow()));
    }
}
