using Bdd.BoDi;
using Bdd.Execution;

namespace Bdd.Bindings;

/// <summary>
/// Calls a matched step definition: converts the argument texts (and the data table or doc string for the
/// last parameter), resolves the binding instance from the scenario container, invokes and awaits. Fully
/// synchronous (no allocation beyond the argument array) when conversions and the method are synchronous.
/// Exceptions propagate unwrapped.
/// </summary>
internal static class StepInvoker
{
    public static ValueTask InvokeAsync(StepBinding binding, string[] texts, DataTable? table, string? docString, ObjectContainer container)
    {
        var args = new object?[binding.ParameterCount];
        var converters = binding.Converters;
        for (var i = 0; i < converters.Length; i++)
        {
            var converted = converters[i](texts[i], container);
            if (!converted.IsCompletedSuccessfully)
                return SlowAsync(binding, texts, table, docString, container, args, i, converted, hasPending: true);
            args[i] = converted.Result;
        }
        if (table is not null || docString is not null)
            return SlowAsync(binding, texts, table, docString, container, args, converters.Length, default, hasPending: false);
        return Call(binding, args, container);
    }

    private static ValueTask Call(StepBinding binding, object?[] args, ObjectContainer container)
    {
        var instance = binding.Method.IsStatic ? null : container.Resolve(binding.BindingType);
        return MethodInvoker.AwaitAsync(binding.Invoke(instance, args));
    }

    private static async ValueTask SlowAsync(StepBinding binding, string[] texts, DataTable? table, string? docString, ObjectContainer container,
        object?[] args, int next, ValueTask<object?> pending, bool hasPending)
    {
        var converters = binding.Converters;
        if (hasPending)
            args[next++] = await pending;
        for (var i = next; i < converters.Length; i++)
            args[i] = await converters[i](texts[i], container);
        if (table is not null)
        {
            var tableConverter = binding.TableConverter
                ?? throw new ArgumentBindingException($"The last parameter of {binding.Display} cannot take a data table: make it a DataTable or add a [StepArgumentTransformation] from DataTable.");
            args[^1] = await tableConverter(table, container);
        }
        else if (docString is not null)
        {
            args[^1] = await binding.DocStringConverter!(docString, container);
        }
        await Call(binding, args, container);
    }
}
