using System.Text.Json.Serialization;

namespace Runtime.Supervision.Pools;

/// <summary>What the state file keeps of one pool.</summary>
public sealed class PoolRecord
{
    /// <summary>The pool id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The engine command.</summary>
    [JsonPropertyName("command")]
    public string? Command { get; set; }

    /// <summary>The engine arguments (with placeholders).</summary>
    [JsonPropertyName("arguments")]
    public List<string>? Arguments { get; set; }

    /// <summary>The model.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; set; }

    /// <summary>The engine version.</summary>
    [JsonPropertyName("engine_version")]
    public string? EngineVersion { get; set; }

    /// <summary>The device memory the engine needs, in MiB; null when not declared.</summary>
    [JsonPropertyName("memory_mib")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? MemoryMiB { get; set; }

    /// <summary>The device memory the pool has, in MiB; null when not declared.</summary>
    [JsonPropertyName("device_memory_mib")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? DeviceMemoryMiB { get; set; }

    /// <summary>Metadata.</summary>
    [JsonPropertyName("metadata")]
    public Dictionary<string, string>? Metadata { get; set; }

    /// <summary>Crash count.</summary>
    [JsonPropertyName("crash_count")]
    public int CrashCount { get; set; }

    /// <summary>Restart count.</summary>
    [JsonPropertyName("restart_count")]
    public int RestartCount { get; set; }

    /// <summary>Last error.</summary>
    [JsonPropertyName("last_error")]
    public string? LastError { get; set; }

    /// <summary>The state when saved (informational: a restored pool starts as Registered).</summary>
    [JsonPropertyName("state")]
    public string? State { get; set; }

    /// <summary>Copies a snapshot.</summary>
    public static PoolRecord From(PoolSnapshot s) => new()
    {
        Id = s.Id, Command = s.Spec.Command, Arguments = [.. s.Spec.Arguments], Model = s.Spec.Model,
        EngineVersion = s.Spec.EngineVersion, MemoryMiB = s.Spec.MemoryMiB, DeviceMemoryMiB = s.DeviceMemoryMiB, Metadata = new(s.Metadata), CrashCount = s.CrashCount,
        RestartCount = s.RestartCount, LastError = s.LastError, State = s.State.ToString(),
    };
}

/// <summary>The state file document.</summary>
public sealed class PoolStateDocument
{
    /// <summary>Format version (<see cref="PoolDefaults.StateFileVersion"/>).</summary>
    [JsonPropertyName("version")]
    public int Version { get; set; }

    /// <summary>The pools.</summary>
    [JsonPropertyName("pools")]
    public List<PoolRecord>? Pools { get; set; }
}
