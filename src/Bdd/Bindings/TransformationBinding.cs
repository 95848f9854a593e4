using System.Reflection;
using System.Text.RegularExpressions;

namespace Bdd.Bindings;

/// <summary>
/// A [StepArgumentTransformation] method: converts text (or a DataTable) to its return type. With a regex it
/// applies only to text matching it whole, and its groups are its arguments (converted to the parameter types).
/// </summary>
internal sealed class TransformationBinding
{
    public TransformationBinding(MethodInfo method, StepArgumentTransformationAttribute attribute)
    {
        Method = method;
        ReturnType = method.ReturnType;
        Name = attribute.Name ?? ReturnType.Name;
        var parameters = method.GetParameters();
        ParameterTypes = [.. parameters.Select(p => p.ParameterType)];
        TakesTable = parameters.Length == 1 && typeof(DataTable).IsAssignableFrom(parameters[0].ParameterType);
        if (attribute.Regex is { } pattern)
        {
            var body = pattern.TrimStart('^');
            if (body.EndsWith('$'))
                body = body[..^1];
            RegexBody = body;
            Regex = new Regex("^(?:" + body + ")$", RegexOptions.Compiled | RegexOptions.CultureInvariant);
        }
        Invoke = MethodInvoker.Compile(method);
        if (ReturnType == typeof(void) || ParameterTypes.Length == 0)
            throw new Expressions.ExpressionException($"[StepArgumentTransformation] {BindingDisplay.Method(method)} must take the text (or a DataTable) and return the converted value.");
    }

    public MethodInfo Method { get; }

    public Type ReturnType { get; }

    /// <summary>The Cucumber Expression parameter type name: attribute Name or the return type's name.</summary>
    public string Name { get; }

    public Type[] ParameterTypes { get; }

    public bool TakesTable { get; }

    /// <summary>The regex without anchors (the Cucumber parameter type's regex), or null.</summary>
    public string? RegexBody { get; }

    public Regex? Regex { get; }

    public Func<object?, object?[], object?> Invoke { get; }
}
