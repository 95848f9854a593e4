namespace Runtime.ExecutionContexts;

/// <summary>Defaults of <see cref="ContextFactoryOptions"/>.</summary>
public static class ContextDefaults
{
    /// <summary>Live (root) contexts a tenant may hold at once: 2.</summary>
    public const int MaxContextsPerTenant = 2;

    /// <summary>Failed backend connections in a row that open a model's backend circuit: 3.</summary>
    public const int BackendFailureThreshold = 3;

    /// <summary>How long a model's open backend circuit makes creations fail fast: 30 seconds.</summary>
    public static readonly TimeSpan BackendCoolDown = TimeSpan.FromSeconds(30);
}
