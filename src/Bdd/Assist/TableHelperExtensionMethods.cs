using System.Reflection;
using Bdd.Conversion;

namespace Bdd.Assist;

/// <summary>
/// Creates objects from tables (Reqnroll's Assist helpers). Columns map to public properties, fields or
/// constructor parameters by name ignoring case, spaces and punctuation; values convert with the table's
/// culture (the binding culture for step arguments): numbers, enums, bool, Guid, DateTime, TimeSpan,
/// nullable. Columns without a member are ignored. Types without a parameterless constructor (records)
/// are built through the public constructor with the most parameters the table can supply.
/// </summary>
public static class TableHelperExtensionMethods
{
    /// <summary>One instance from a vertical (Field | Value) or single-row table.</summary>
    public static T CreateInstance<T>(this DataTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return (T)Build(typeof(T), TableShape.InstanceValues(table), table, null);
    }

    /// <summary>Fills an instance made by <paramref name="methodToCreateTheInstance"/> from the table.</summary>
    public static T CreateInstance<T>(this DataTable table, Func<T> methodToCreateTheInstance)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(methodToCreateTheInstance);
        return (T)Build(typeof(T), TableShape.InstanceValues(table), table, methodToCreateTheInstance()!);
    }

    /// <summary>One instance per body row.</summary>
    public static IEnumerable<T> CreateSet<T>(this DataTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var list = new List<T>(table.RowCount);
        foreach (var row in table.Rows)
            list.Add((T)Build(typeof(T), [.. row], table, null));
        return list;
    }

    /// <summary>One instance per body row, each made by <paramref name="methodToCreateEachInstance"/> then filled.</summary>
    public static IEnumerable<T> CreateSet<T>(this DataTable table, Func<T> methodToCreateEachInstance)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(methodToCreateEachInstance);
        var list = new List<T>(table.RowCount);
        foreach (var row in table.Rows)
            list.Add((T)Build(typeof(T), [.. row], table, methodToCreateEachInstance()!));
        return list;
    }

    private static object Build(Type type, List<KeyValuePair<string, string>> values, DataTable table, object? instance)
    {
        if (type == typeof(string) || type.IsPrimitive)
            throw new InvalidOperationException($"CreateInstance/CreateSet need a class or struct with properties, not {type.Name}.");
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in values)
            byName[TableMembers.Normalize(pair.Key)] = pair.Value;

        var used = new HashSet<string>(StringComparer.Ordinal);
        instance ??= Construct(type, byName, used, table);
        foreach (var (name, member) in TableMembers.Readable(type))
        {
            if (used.Contains(name) || !byName.TryGetValue(name, out var text) || !TableMembers.CanWrite(member))
                continue;
            TableMembers.SetValue(member, instance, ConvertCell(text, TableMembers.MemberType(member), member.Name, table));
        }
        return instance;
    }

    private static object Construct(Type type, Dictionary<string, string> byName, HashSet<string> used, DataTable table)
    {
        if (type.IsValueType || type.GetConstructor(Type.EmptyTypes) is not null)
            return Activator.CreateInstance(type)!;

        ConstructorInfo? best = null;
        foreach (var constructor in type.GetConstructors())
        {
            var ok = Array.TrueForAll(constructor.GetParameters(), p => p.HasDefaultValue || byName.ContainsKey(TableMembers.Normalize(p.Name!)));
            if (ok && (best is null || constructor.GetParameters().Length > best.GetParameters().Length))
                best = constructor;
        }
        if (best is null)
            throw new InvalidOperationException($"Cannot create {type.Name} from the table: no public constructor's parameters are all given by the columns {string.Join(", ", table.Header)}.");

        var parameters = best.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var name = TableMembers.Normalize(parameters[i].Name!);
            if (byName.TryGetValue(name, out var text))
            {
                arguments[i] = ConvertCell(text, parameters[i].ParameterType, parameters[i].Name!, table);
                used.Add(name);
            }
            else
            {
                arguments[i] = parameters[i].DefaultValue;
            }
        }
        return best.Invoke(arguments);
    }

    internal static object? ConvertCell(string text, Type type, string memberName, DataTable table)
    {
        try
        {
            return ValueConverter.Convert(text, type, table.Culture);
        }
        catch (FormatException e)
        {
            throw new FormatException($"Column '{memberName}': {e.Message}", e);
        }
    }
}
