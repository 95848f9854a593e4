using System.Text.Json;

namespace Runtime.Supervision.Pools;

/// <summary>
/// Saves and loads the pool state file. Saving is atomic: the JSON goes to a temporary file in the same
/// directory, is flushed to disk, then renamed over the target, so a reader sees the old or the new
/// file, never half of one. Loading a missing file gives no pools; an empty, truncated, corrupt or
/// incomplete file throws <see cref="PoolStateFileException"/>.
/// </summary>
public sealed class PoolStateStore(string path)
{
    private readonly object _lock = new();

    /// <summary>The file.</summary>
    public string Path { get; } = path ?? throw new ArgumentNullException(nameof(path));

    /// <summary>Writes <paramref name="pools"/> atomically.</summary>
    public void Save(IEnumerable<PoolSnapshot> pools)
    {
        var document = new PoolStateDocument { Version = PoolDefaults.StateFileVersion, Pools = pools.Select(PoolRecord.From).ToList() };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, PoolStateJson.Default.PoolStateDocument);
        lock (_lock)
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
            Directory.CreateDirectory(directory);
            // Unique per write: two stores on one path (in one process or two) never share a temporary file.
            var temp = System.IO.Path.Combine(directory, $"{TempPrefix}{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, Path, overwrite: true);
        }
    }

    /// <summary>The start of this store's temporary file names: <c>.pools.json.</c> (then the writer's pid).</summary>
    private string TempPrefix => $".{System.IO.Path.GetFileName(Path)}.";

    /// <summary>
    /// Deletes the temporary files that writers killed mid-save left next to the state file: those whose writer
    /// process is gone. Called by <see cref="Load"/>, that is at start; returns how many it deleted.
    /// </summary>
    public int DeleteStaleTemporaryFiles()
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(directory, TempPrefix + "*.tmp"))
        {
            var pid = System.IO.Path.GetFileName(file)[TempPrefix.Length..].Split('.')[0];
            if (int.TryParse(pid, System.Globalization.CultureInfo.InvariantCulture, out var writer) && !IsRunning(writer))
            {
                try
                {
                    File.Delete(file);
                    deleted++;
                }
                catch (IOException)
                {
                    // Gone already, or in use: left for the next start.
                }
            }
        }

        return deleted;
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Reads the pools saved; empty when the file does not exist.</summary>
    /// <exception cref="PoolStateFileException">When the path is a directory, or the file is larger than
    /// <see cref="PoolDefaults.MaxStateFileBytes"/>, empty, not JSON, truncated, of another version, incomplete, or holds
    /// a null pool or one pool twice.</exception>
    public IReadOnlyList<PoolRecord> Load()
    {
        if (Directory.Exists(Path))
        {
            throw new PoolStateFileException(Path, "is a directory, not a state file");
        }

        DeleteStaleTemporaryFiles();
        if (!File.Exists(Path))
        {
            return [];
        }

        if (new FileInfo(Path).Length > PoolDefaults.MaxStateFileBytes)
        {
            throw new PoolStateFileException(Path, $"is larger than {PoolDefaults.MaxStateFileBytes} bytes: not a state file this runtime wrote");
        }

        var bytes = File.ReadAllBytes(Path);
        if (bytes.Length == 0)
        {
            throw new PoolStateFileException(Path, "is empty (0 bytes)");
        }

        PoolStateDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(bytes, PoolStateJson.Default.PoolStateDocument);
        }
        catch (JsonException e)
        {
            throw new PoolStateFileException(Path, $"is corrupt or truncated: {e.Message}", e);
        }

        if (document is null)
        {
            throw new PoolStateFileException(Path, "holds null instead of a state document");
        }

        if (document.Version != PoolDefaults.StateFileVersion)
        {
            throw new PoolStateFileException(Path, $"has version {document.Version}, expected {PoolDefaults.StateFileVersion}");
        }

        var pools = document.Pools ?? throw new PoolStateFileException(Path, "has no 'pools' list");
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < pools.Count; i++)
        {
            var id = Check(pools[i], i);
            if (!seen.TryAdd(id, i))
            {
                throw new PoolStateFileException(Path, $"has pool '{id}' twice (#{seen[id] + 1} and #{i + 1})");
            }
        }

        return pools;
    }

    /// <summary>Checks one pool of the file; returns its id.</summary>
    private string Check(PoolRecord? record, int index)
    {
        if (record is null)
        {
            throw new PoolStateFileException(Path, $"has no pool at #{index + 1} (null)");
        }

        string? missing = record switch
        {
            { Id: null or "" } => "id",
            { Command: null or "" } => "command",
            { Arguments: null } => "arguments",
            { Model: null } => "model",
            { EngineVersion: null } => "engine_version",
            _ => null,
        };
        if (missing is not null)
        {
            throw new PoolStateFileException(Path, $"has a pool (#{index + 1}{(record.Id is { Length: > 0 } id ? $", '{id}'" : "")}) without '{missing}'");
        }

        if (record.MemoryMiB is <= 0 || record.DeviceMemoryMiB is <= 0)
        {
            throw new PoolStateFileException(Path, $"has a memory that is not positive for pool '{record.Id}'");
        }

        if (record.CrashCount < 0 || record.RestartCount < 0)
        {
            throw new PoolStateFileException(Path, $"has negative counters for pool '{record.Id}'");
        }

        return record.Id!;
    }
}
