using Bdd.Expressions;

namespace Bdd.Bindings;

internal sealed partial class BindingRegistry
{
    /// <summary>
    /// The parameter type for <c>{name}</c>: a built-in type; else a [StepArgumentTransformation] named so (or
    /// returning a type of that name) - its regex or any text; else an enum of that name (the method parameter's
    /// type first, then enums of the binding assemblies) - its member names ignoring case; else the method
    /// parameter's own type when its name matches - any text. Null when none applies.
    /// </summary>
    private ParameterType? ResolveParameterType(string name, Type? parameterType)
    {
        if (_builtInTypes.TryGetValue(name, out var builtIn))
            return builtIn;
        foreach (var transformation in _transformations)
        {
            if (!transformation.TakesTable && string.Equals(transformation.Name, name, StringComparison.Ordinal))
                return new ParameterType(name, transformation.RegexBody is null ? ".*" : "(?:" + transformation.RegexBody + ")");
        }
        var enumType = parameterType is { IsEnum: true } && parameterType.Name == name ? parameterType
            : Nullable.GetUnderlyingType(parameterType ?? typeof(object)) is { IsEnum: true } inner && inner.Name == name ? inner
            : _enumsByName.GetValueOrDefault(name);
        if (enumType is not null)
            return new ParameterType(name, "(?i:" + string.Join("|", Enum.GetNames(enumType).Select(System.Text.RegularExpressions.Regex.Escape)) + ")");
        if (parameterType is not null && parameterType.Name == name)
            return new ParameterType(name, ".*");
        return null;
    }
}
