namespace Bdd.BoDi;

/// <summary>
/// The scenario's object container (Reqnroll's BoDi surface): context injection creates every constructor
/// parameter of a binding class here, once per scenario, recursively. Objects it creates that are
/// IDisposable/IAsyncDisposable are disposed after the scenario in reverse creation order.
/// </summary>
public interface IObjectContainer
{
    /// <summary>Registers an existing instance as <typeparamref name="TInterface"/>; disposed at the end only when <paramref name="dispose"/>.</summary>
    void RegisterInstanceAs<TInterface>(TInterface instance, string? name = null, bool dispose = false) where TInterface : class;

    /// <summary>Registers an existing instance as <paramref name="interfaceType"/>.</summary>
    void RegisterInstanceAs(object instance, Type interfaceType, string? name = null, bool dispose = false);

    /// <summary>Resolves <typeparamref name="TInterface"/> by creating <typeparamref name="TType"/> on first use.</summary>
    void RegisterTypeAs<TType, TInterface>() where TType : class, TInterface;

    /// <summary>The registered or created instance of <typeparamref name="T"/>, creating it on first use.</summary>
    T Resolve<T>();

    /// <summary>The registered or created instance of <paramref name="typeToResolve"/>, creating it on first use.</summary>
    object Resolve(Type typeToResolve);

    /// <summary>true when an instance or a type mapping is registered (here or in a parent container).</summary>
    bool IsRegistered<T>();
}
