using System.Text.Json.Serialization;

namespace Runtime.Supervision.Reload;

/// <summary>The handoff file's JSON, generated at compile time: no reflection, so the runtime runs under Native AOT.</summary>
[JsonSerializable(typeof(HandoffFile))]
internal sealed partial class HandoffJson : JsonSerializerContext;
