namespace Runtime.Contexts;

/// <summary>Options of a <see cref="ContextFactory"/>.</summary>
public sealed class ContextFactoryOptions
{
    /// <summary>
    /// Live root contexts one tenant may hold at once (children do not count: they live inside their
    /// parent). Default <see cref="ContextDefaults.MaxContextsPerTenant"/>; must be &gt; 0.
    /// </summary>
    public int MaxContextsPerTenant { get; set; } = ContextDefaults.MaxContextsPerTenant;

    /// <summary>Whether each successful request records an <c>Executed</c> trace event. Default true.</summary>
    public bool TraceExecutions { get; set; } = true;

    internal void Validate()
    {
        if (MaxContextsPerTenant <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxContextsPerTenant), MaxContextsPerTenant, "A tenant must be allowed at least one live context.");
        }
    }
}
