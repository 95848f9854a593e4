namespace Runtime.Supervision.Pools;

/// <summary>The pool state file could not be read: it names the file and the problem. Never a silent reset.</summary>
public sealed class PoolStateFileException : Exception
{
    /// <summary>Creates the exception: "pool state file '/var/lib/x/pools.json' is corrupt: ...".</summary>
    public PoolStateFileException(string path, string problem, Exception? innerException = null)
        : base($"pool state file '{path}' {problem}", innerException)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}
