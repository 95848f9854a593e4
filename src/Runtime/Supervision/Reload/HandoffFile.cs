using System.Text.Json;
using System.Text.Json.Serialization;

namespace Runtime.Supervision.Reload;

/// <summary>
/// The handoff file a reload writes once the new engine serves: which pool runs which version, as which
/// process, at which endpoint. JSON, written atomically (temporary file, flush, rename).
/// </summary>
public sealed class HandoffFile
{
    /// <summary>The pool id.</summary>
    [JsonPropertyName("pool")]
    public string Pool { get; set; } = "";

    /// <summary>The model.</summary>
    [JsonPropertyName("model")]
    public string Model { get; set; } = "";

    /// <summary>The engine version.</summary>
    [JsonPropertyName("engine_version")]
    public string EngineVersion { get; set; } = "";

    /// <summary>The engine process id.</summary>
    [JsonPropertyName("pid")]
    public int Pid { get; set; }

    /// <summary>The engine endpoint.</summary>
    [JsonPropertyName("endpoint")]
    public string Endpoint { get; set; } = "";

    /// <summary>When it was written.</summary>
    [JsonPropertyName("written_at")]
    public DateTimeOffset WrittenAt { get; set; }

    /// <summary>The path of pool <paramref name="poolId"/>'s handoff file in <paramref name="directory"/>.</summary>
    public static string PathFor(string directory, string poolId) => Path.Combine(directory, poolId + ReloadDefaults.HandoffSuffix);

    /// <summary>Reads a handoff file.</summary>
    public static HandoffFile Read(string path) =>
        JsonSerializer.Deserialize(File.ReadAllBytes(path), HandoffJson.Default.HandoffFile) ?? throw new InvalidDataException($"handoff file '{path}' is empty");

    /// <summary>Writes this handoff atomically to <paramref name="path"/>.</summary>
    public void Write(string path)
    {
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, this, HandoffJson.Default.HandoffFile);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, full, overwrite: true);
    }
}
