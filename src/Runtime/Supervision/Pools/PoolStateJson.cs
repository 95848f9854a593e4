using System.Text.Json.Serialization;

namespace Runtime.Supervision.Pools;

/// <summary>The state file's JSON, generated at compile time: no reflection, so the runtime runs under Native AOT.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(PoolStateDocument))]
internal sealed partial class PoolStateJson : JsonSerializerContext;
