namespace Runtime.Supervision.Engines;

/// <summary>
/// Ties every engine to this process so that the kernel ends it when this process ends, however it ends
/// (<c>kill -9</c> included, when no cleanup code runs). The engine is started through util-linux's
/// <c>setpriv --pdeathsig KILL</c>, which sets the parent-death signal (<c>prctl(PR_SET_PDEATHSIG)</c>) and then
/// execs the engine in place: same pid, same exit status. The kernel sends that signal when the
/// <em>thread</em> that forked the child ends, so every engine is forked from one dedicated thread that lives
/// as long as the process (a thread-pool thread that retires would kill its engines with it).
/// </summary>
internal static class OwnedSpawner
{
    /// <summary>The parent-death helper, found once on PATH; null when it is not installed.</summary>
    public static readonly string? Setpriv = Resolve("setpriv");

    private static readonly System.Collections.Concurrent.BlockingCollection<Action> Work = StartThread();

    /// <summary>Runs <paramref name="start"/> (which forks the engine) on the spawning thread and returns its result.</summary>
    public static T Run<T>(Func<T> start)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Work.Add(() =>
        {
            try
            {
                result.SetResult(start());
            }
            catch (Exception e)
            {
                result.SetException(e);
            }
        });
        return result.Task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// The full path of <paramref name="command"/>: as given when it names a path, else the first executable
    /// file of that name on PATH; null when there is none (the caller reports the engine cannot start).
    /// </summary>
    public static string? Resolve(string command)
    {
        if (command.Contains('/', StringComparison.Ordinal))
        {
            return IsExecutable(command) ? Path.GetFullPath(command) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, command))
            .FirstOrDefault(IsExecutable);
    }

    private static bool IsExecutable(string path)
    {
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & anyExecute) != 0);
    }

    private static System.Collections.Concurrent.BlockingCollection<Action> StartThread()
    {
        var work = new System.Collections.Concurrent.BlockingCollection<Action>();
        var thread = new Thread(() =>
        {
            foreach (var item in work.GetConsumingEnumerable())
            {
                item();
            }
        })
        {
            IsBackground = true,
            Name = "engine spawner",
        };
        thread.Start();
        return work;
    }
}
