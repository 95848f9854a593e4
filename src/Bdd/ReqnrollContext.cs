namespace Bdd;

/// <summary>
/// Base of <see cref="ScenarioContext"/> and <see cref="FeatureContext"/>: a string-keyed bag of values with
/// typed helpers. <c>Set&lt;T&gt;(value)</c> keys by the type's full name.
/// </summary>
public abstract class ReqnrollContext : Dictionary<string, object?>
{
    private protected ReqnrollContext() : base(StringComparer.Ordinal) { }

    /// <summary>The error of the failing step or hook, or null.</summary>
    public Exception? TestError { get; internal set; }

    /// <summary>Stores a value under its type's full name.</summary>
    public void Set<T>(T data) => this[KeyOf<T>()] = data;

    /// <summary>Stores a value under a key.</summary>
    public void Set<T>(T data, string key) => this[key] = data;

    /// <summary>Reads the value stored under the type's full name; absent throws <see cref="KeyNotFoundException"/>.</summary>
    public T Get<T>() => Get<T>(KeyOf<T>());

    /// <summary>Reads the value stored under a key; absent throws <see cref="KeyNotFoundException"/>.</summary>
    public T Get<T>(string key)
    {
        if (!base.TryGetValue(key, out var value))
            throw new KeyNotFoundException($"The context holds no value under '{key}'.");
        return (T)value!;
    }

    /// <summary>Reads the value stored under the type's full name when present.</summary>
    public bool TryGetValue<T>(out T value) => TryGetValue(KeyOf<T>(), out value);

    /// <summary>Reads the value stored under a key when present and of type <typeparamref name="T"/>.</summary>
    public bool TryGetValue<T>(string key, out T value)
    {
        if (base.TryGetValue(key, out var stored) && stored is T typed)
        {
            value = typed;
            return true;
        }
        value = default!;
        return false;
    }

    private static string KeyOf<T>() => typeof(T).FullName ?? typeof(T).Name;
}
