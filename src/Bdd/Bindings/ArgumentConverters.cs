using System.Globalization;
using Bdd.BoDi;
using Bdd.Conversion;

namespace Bdd.Bindings;

/// <summary>Converts one step argument for a binding; may use the scenario container (transformation instances).</summary>
internal delegate ValueTask<object?> ArgumentConverter(string text, ObjectContainer container);

/// <summary>Converts a step's data table for a binding's last parameter.</summary>
internal delegate ValueTask<object?> TableConverter(DataTable table, ObjectContainer container);

/// <summary>
/// Builds argument converters: a [StepArgumentTransformation] for the target type takes precedence (those
/// with a matching regex first, then those without), else built-in conversion with the binding culture.
/// </summary>
internal sealed class ArgumentConverters(CultureInfo culture, IReadOnlyList<TransformationBinding> transformations)
{
    public CultureInfo Culture { get; } = culture;

    public ArgumentConverter ForText(Type target, CultureInfo? cultureOverride = null)
    {
        var builtIn = ValueConverter.Create(target, cultureOverride ?? Culture);
        var candidates = transformations
            .Where(t => !t.TakesTable && target.IsAssignableFrom(t.ReturnType))
            .OrderBy(t => t.Regex is null ? 1 : 0)
            .ToArray();
        if (candidates.Length == 0)
            return (text, _) => new ValueTask<object?>(builtIn(text));

        return (text, container) =>
        {
            foreach (var transformation in candidates)
            {
                if (transformation.Regex is null)
                    return InvokeAsync(transformation, [ConvertPlain(text, transformation.ParameterTypes[0])], container);
                var match = transformation.Regex.Match(text);
                if (!match.Success)
                    continue;
                var parameterTypes = transformation.ParameterTypes;
                var args = new object?[parameterTypes.Length];
                var groups = match.Groups.Count - 1;
                for (var i = 0; i < args.Length; i++)
                {
                    var value = groups == 0 ? text : i + 1 < match.Groups.Count ? match.Groups[i + 1].Value : string.Empty;
                    args[i] = ConvertPlain(value, parameterTypes[i]);
                }
                return InvokeAsync(transformation, args, container);
            }
            return new ValueTask<object?>(builtIn(text));
        };
    }

    public TableConverter? ForTable(Type target)
    {
        if (target == typeof(DataTable) || target == typeof(Table))
            return (table, _) => new ValueTask<object?>(table);
        foreach (var transformation in transformations)
        {
            if (transformation.TakesTable && target.IsAssignableFrom(transformation.ReturnType))
                return (table, container) => InvokeAsync(transformation, [table], container);
        }
        return null;
    }

    private object? ConvertPlain(string text, Type type) => ValueConverter.Convert(text, type, Culture);

    private static async ValueTask<object?> InvokeAsync(TransformationBinding transformation, object?[] args, ObjectContainer container)
    {
        var instance = transformation.Method.IsStatic ? null : container.Resolve(transformation.Method.DeclaringType!);
        return await MethodInvoker.ResultAsync(transformation.Invoke(instance, args));
    }
}
