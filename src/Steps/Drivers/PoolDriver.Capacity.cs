namespace Steps.Drivers;

/// <summary>The device memory pools declare and models need (for surge reloads); undeclared unless a scenario says so.</summary>
public sealed partial class PoolDriver
{
    private readonly Dictionary<string, long> _deviceMemory = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long?> _modelMemory = new(StringComparer.Ordinal);
    private long? _everyModelNeeds;

    /// <summary>Pool <paramref name="id"/>, once registered, declares <paramref name="mib"/> MiB of device memory.</summary>
    public void DeclareDeviceMemory(string id, long mib) => _deviceMemory[id] = mib;

    /// <summary>Every model needs <paramref name="mib"/> MiB unless told otherwise (<see cref="DeclareModelMemory"/>).</summary>
    public void DeclareEveryModelNeeds(long mib) => _everyModelNeeds = mib;

    /// <summary>Model <paramref name="model"/> needs <paramref name="mib"/> MiB of device memory; null: it declares no need.</summary>
    public void DeclareModelMemory(string model, long? mib) => _modelMemory[model] = mib;

    /// <summary>Pool <paramref name="id"/>, once registered, declares no device memory.</summary>
    public void DeclareNoDeviceMemory(string id) => _deviceMemory.Remove(id);

    private long? DeviceMemoryOf(string id) => _deviceMemory.TryGetValue(id, out var mib) ? mib : null;

    private long? MemoryOf(string model) => _modelMemory.TryGetValue(model, out var mib) ? mib : _everyModelNeeds;
}
