using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Bdd.BoDi;

/// <summary>
/// A small container: registered instances and type mappings, creation through the public constructor
/// with the most parameters, parent lookup for registrations (scenario → feature → test run), disposal of
/// created objects in reverse creation order. Thread-safe.
/// </summary>
internal sealed class ObjectContainer : IObjectContainer, IAsyncDisposable
{
    private static readonly ConcurrentDictionary<Type, Factory> Factories = new();

    private readonly ObjectContainer? _parent;
    private readonly Lock _sync = new();
    private readonly Dictionary<Type, object> _instances = [];
    private readonly Dictionary<Type, Type> _mappings = [];
    private readonly List<object> _owned = [];
    private readonly List<Type> _resolving = [];
    private bool _disposed;

    public ObjectContainer(ObjectContainer? parent = null) => _parent = parent;

    public void RegisterInstanceAs<TInterface>(TInterface instance, string? name = null, bool dispose = false) where TInterface : class
        => RegisterInstanceAs(instance, typeof(TInterface), name, dispose);

    public void RegisterInstanceAs(object instance, Type interfaceType, string? name = null, bool dispose = false)
    {
        ArgumentNullException.ThrowIfNull(instance);
        lock (_sync)
        {
            _instances[interfaceType] = instance;
            if (dispose)
                _owned.Add(instance);
        }
    }

    public void RegisterTypeAs<TType, TInterface>() where TType : class, TInterface
    {
        lock (_sync)
            _mappings[typeof(TInterface)] = typeof(TType);
    }

    public T Resolve<T>() => (T)Resolve(typeof(T));

    public object Resolve(Type typeToResolve)
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Resolve_NeedsLock(typeToResolve);
        }
    }

    public bool IsRegistered<T>() => TryGetRegistered(typeof(T), out _) || IsMapped(typeof(T));

    private bool IsMapped(Type type)
    {
        lock (_sync)
        {
            if (_mappings.ContainsKey(type))
                return true;
        }
        return _parent?.IsMapped(type) ?? false;
    }

    private bool TryGetRegistered(Type type, out object instance)
    {
        lock (_sync)
        {
            if (_instances.TryGetValue(type, out instance!))
                return true;
        }
        return _parent is not null && _parent.TryGetRegistered(type, out instance);
    }

    private object Resolve_NeedsLock(Type type)
    {
        if (_instances.TryGetValue(type, out var existing))
            return existing;
        if (_parent is not null && _parent.TryGetRegistered(type, out var inherited))
            return inherited;
        if (type == typeof(IObjectContainer))
            return this;

        var implementation = _mappings.TryGetValue(type, out var mapped) ? mapped : type;
        if (implementation != type)
        {
            var mappedInstance = Resolve_NeedsLock(implementation);
            _instances[type] = mappedInstance;
            return mappedInstance;
        }

        if (_resolving.Contains(type))
            throw new ObjectContainerException($"Circular dependency: {string.Join(" -> ", _resolving.Append(type).Select(t => t.Name))}.");
        var factory = Factories.GetOrAdd(type, CreateFactory);
        _resolving.Add(type);
        object created;
        try
        {
            var arguments = new object[factory.ParameterTypes.Length];
            for (var i = 0; i < arguments.Length; i++)
                arguments[i] = Resolve_NeedsLock(factory.ParameterTypes[i]);
            created = factory.Create(arguments);
        }
        catch (ObjectContainerException)
        {
            throw;
        }
        catch (Exception e)
        {
            throw new ObjectContainerException($"Creating {type.Name} for context injection failed: {e.Message}", e);
        }
        finally
        {
            _resolving.RemoveAt(_resolving.Count - 1);
        }
        _instances[type] = created;
        if (created is IDisposable or IAsyncDisposable)
            _owned.Add(created);
        return created;
    }

    public async ValueTask DisposeAsync()
    {
        object[] owned;
        lock (_sync)
        {
            if (_disposed)
                return;
            _disposed = true;
            owned = [.. _owned];
            _owned.Clear();
        }
        List<Exception>? errors = null;
        for (var i = owned.Length - 1; i >= 0; i--)
        {
            try
            {
                if (owned[i] is IAsyncDisposable asyncDisposable)
                    await asyncDisposable.DisposeAsync();
                else if (owned[i] is IDisposable disposable)
                    disposable.Dispose();
            }
            catch (Exception e)
            {
                (errors ??= []).Add(e);
            }
        }
        if (errors is not null)
            throw errors.Count == 1 ? errors[0] : new AggregateException("Disposing context-injected objects failed.", errors);
    }

    private static Factory CreateFactory(Type type)
    {
        if (type.IsInterface || type.IsAbstract)
            throw new ObjectContainerException($"Cannot create {type.Name} for context injection: it is an interface or abstract class and nothing is registered for it (register an instance with IObjectContainer.RegisterInstanceAs in a [BeforeScenario] hook).");
        if (type.IsPrimitive || type == typeof(string) || type.IsEnum)
            throw new ObjectContainerException($"Cannot inject {type.Name}: only classes can be created by context injection.");
        var constructors = type.GetConstructors();
        if (constructors.Length == 0 && !type.IsValueType)
            throw new ObjectContainerException($"Cannot create {type.Name} for context injection: it has no public constructor.");
        if (constructors.Length == 0)
            return new Factory([], _ => Activator.CreateInstance(type)!);

        var constructor = constructors.OrderByDescending(c => c.GetParameters().Length).First();
        var parameters = constructor.GetParameters();
        foreach (var parameter in parameters)
        {
            if (parameter.ParameterType.IsPrimitive || parameter.ParameterType == typeof(string))
                throw new ObjectContainerException($"Cannot create {type.Name} for context injection: constructor parameter '{parameter.Name}' is a {parameter.ParameterType.Name}; only objects can be injected.");
        }
        var args = Expression.Parameter(typeof(object[]), "args");
        var body = Expression.Convert(
            Expression.New(constructor, parameters.Select((p, i) => Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType))),
            typeof(object));
        var create = Expression.Lambda<Func<object[], object>>(body, args).Compile();
        return new Factory([.. parameters.Select(p => p.ParameterType)], create);
    }

    private sealed record Factory(Type[] ParameterTypes, Func<object[], object> Create);
}
