using System.Reflection;
using Bdd.Expressions;

namespace Bdd.Bindings;

/// <summary>
/// A step definition: the method, its keyword types, its compiled expression, a converter per expression
/// argument, an optional converter for a last DataTable/doc string parameter, its scopes and invoker.
/// </summary>
internal sealed class StepBinding
{
    public StepBinding(Type bindingType, MethodInfo method, StepDefinitionBaseAttribute attribute, StepExpression expression,
        BindingScope[] scopes, ArgumentConverters converters)
    {
        BindingType = bindingType;
        Method = method;
        Attribute = attribute;
        Expression = expression;
        Scopes = scopes;
        Types = attribute.Types;
        var culture = attribute.Culture is null ? null : System.Globalization.CultureInfo.GetCultureInfo(attribute.Culture);
        var parameters = method.GetParameters();
        ParameterCount = parameters.Length;
        var argumentCount = Math.Min(parameters.Length, expression.ArgumentCount);
        Converters = new ArgumentConverter[argumentCount];
        for (var i = 0; i < argumentCount; i++)
            Converters[i] = converters.ForText(parameters[i].ParameterType, culture);
        if (parameters.Length == expression.ArgumentCount + 1)
        {
            var last = parameters[^1].ParameterType;
            TableConverter = converters.ForTable(last);
            DocStringConverter = converters.ForText(last, culture);
        }
        Invoke = MethodInvoker.Compile(method);
        Display = BindingDisplay.Method(method);
    }

    /// <summary>The [Binding] class whose instance runs the method (may derive from the declaring type).</summary>
    public Type BindingType { get; }

    public MethodInfo Method { get; }

    public StepDefinitionBaseAttribute Attribute { get; }

    public StepDefinitionType[] Types { get; }

    public StepExpression Expression { get; }

    public BindingScope[] Scopes { get; }

    public int ParameterCount { get; }

    public ArgumentConverter[] Converters { get; }

    /// <summary>Converts the step's data table for the last parameter; null when it cannot take one.</summary>
    public TableConverter? TableConverter { get; }

    /// <summary>Converts the step's doc string for the last parameter; null when there is no extra parameter.</summary>
    public ArgumentConverter? DocStringConverter { get; }

    public Func<object?, object?[], object?> Invoke { get; }

    /// <summary>Type.Method(ParamTypes).</summary>
    public string Display { get; }

    /// <summary>"[Given("the pool is ready")] PoolSteps.GivenPool(String)".</summary>
    public string Describe()
    {
        var kind = Attribute switch
        {
            GivenAttribute => "Given",
            WhenAttribute => "When",
            ThenAttribute => "Then",
            _ => "StepDefinition",
        };
        var scope = Scopes.Length == 0 ? "" : " " + string.Join(" ", Scopes.Select(s => $"[Scope({s})]"));
        return $"{Display} [{kind}(\"{Expression.Source}\")]{scope}";
    }
}
