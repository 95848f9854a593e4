using System.Text.Json;
using System.Text.Json.Serialization;
using ManagerHost.Probes;

namespace ManagerHost.Api;

/// <summary>
/// Every body the API reads or writes, serialized by code generated at compile time (web defaults: camelCase names),
/// so the manager runs under Native AOT. <see cref="ManagerApp"/> puts it first in the HTTP JSON options.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<PoolView>))]
[JsonSerializable(typeof(PoolView))]
[JsonSerializable(typeof(DrainRequest))]
[JsonSerializable(typeof(ReloadRequest))]
[JsonSerializable(typeof(ActionResult))]
[JsonSerializable(typeof(LeaseView))]
[JsonSerializable(typeof(LiveView))]
[JsonSerializable(typeof(ReadyView))]
[JsonSerializable(typeof(string))]
internal sealed partial class ManagerJson : JsonSerializerContext;
