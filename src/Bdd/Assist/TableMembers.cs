using System.Reflection;
using System.Text;

namespace Bdd.Assist;

/// <summary>
/// Maps table column names to the public properties and fields of a type: names compared ignoring case,
/// spaces and punctuation ("Pool name" → PoolName, "max_leases" → MaxLeases).
/// </summary>
internal static class TableMembers
{
    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
                builder.Append(char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>Readable members by normalized name.</summary>
    public static Dictionary<string, MemberInfo> Readable(Type type)
    {
        var members = new Dictionary<string, MemberInfo>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.CanRead && property.GetIndexParameters().Length == 0)
                members.TryAdd(Normalize(property.Name), property);
        }
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
            members.TryAdd(Normalize(field.Name), field);
        return members;
    }

    public static Type MemberType(MemberInfo member) => member switch
    {
        PropertyInfo p => p.PropertyType,
        FieldInfo f => f.FieldType,
        _ => throw new ArgumentException(member.Name),
    };

    public static object? GetValue(MemberInfo member, object instance) => member switch
    {
        PropertyInfo p => p.GetValue(instance),
        FieldInfo f => f.GetValue(instance),
        _ => throw new ArgumentException(member.Name),
    };

    public static bool CanWrite(MemberInfo member) => member switch
    {
        PropertyInfo p => p.SetMethod is { IsPublic: true },
        FieldInfo f => !f.IsInitOnly,
        _ => false,
    };

    public static void SetValue(MemberInfo member, object instance, object? value)
    {
        if (member is PropertyInfo p)
            p.SetValue(instance, value);
        else if (member is FieldInfo f)
            f.SetValue(instance, value);
    }
}
