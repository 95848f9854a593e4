using System.Reflection;

namespace Bdd.Bindings;

/// <summary>How bindings are named in messages: <c>PoolSteps.GivenPool(String, Int32)</c>.</summary>
internal static class BindingDisplay
{
    public static string Method(MethodInfo method)
        => $"{method.DeclaringType?.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => TypeName(p.ParameterType)))})";

    public static string TypeName(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
            return TypeName(underlying) + "?";
        if (!type.IsGenericType)
            return type.Name;
        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>";
    }
}
