using System.Text.Json;
using Runtime.Supervision.Reload;

namespace Steps.Drivers;

/// <summary>The handoff files of the scenario's pools: a reader that keeps one open, a folder that cannot be written, the folder setting.</summary>
public sealed class HandoffDriver(PoolDriver pools) : IDisposable
{
    private FileStream? _reader;

    /// <summary>A reader opens pool <paramref name="pool"/>'s handoff file and keeps it open, as an operator's tool or the next engine would.</summary>
    public void OpenHandoff(string pool)
    {
        _reader?.Dispose();
        _reader = new FileStream(HandoffFile.PathFor(pools.HandoffDirectory, pool), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
    }

    /// <summary>Reads, from its start, the handoff file the reader opened; returns the model it names (it must be whole JSON).</summary>
    public string? ReadOpenedHandoff()
    {
        var reader = _reader ?? throw new InvalidOperationException("no reader opened the handoff file");
        reader.Position = 0;
        using var json = JsonDocument.Parse(reader);
        return json.RootElement.GetProperty("model").GetString();
    }

    /// <summary>Makes the handoff file impossible to write (its directory is a file).</summary>
    public void BreakHandoff()
    {
        Directory.Delete(pools.HandoffDirectory, recursive: true);
        File.WriteAllText(pools.HandoffDirectory, "not a directory");
    }

    /// <summary>Sets up the reloads of the scenario's pools anew, writing handoff files to <paramref name="folder"/>: null when accepted, else the refusal.</summary>
    public ArgumentException? SetUpWithHandoffFolder(string folder)
    {
        try
        {
            using var reloads = new ReloadCoordinator(pools.Registry, pools.Engines, pools.Drains,
                new ReloadOptions { TimeProvider = pools.Clock.Time, HandoffDirectory = folder });
            return null;
        }
        catch (ArgumentException refused)
        {
            return refused;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _reader?.Dispose();
}
