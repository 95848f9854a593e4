namespace Runtime.Contexts;

/// <summary>Defaults of <see cref="ContextFactoryOptions"/>.</summary>
public static class ContextDefaults
{
    /// <summary>Live (root) contexts a tenant may hold at once: 2.</summary>
    public const int MaxContextsPerTenant = 2;
}
