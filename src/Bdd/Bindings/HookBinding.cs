using System.Reflection;

namespace Bdd.Bindings;

/// <summary>A hook method: kind, order, tag filter (any of, without '@'), scopes and invoker. Parameters are resolved from the container.</summary>
internal sealed class HookBinding
{
    public HookBinding(Type bindingType, MethodInfo method, HookKind kind, HookAttribute attribute, BindingScope[] scopes)
    {
        BindingType = bindingType;
        Method = method;
        Kind = kind;
        Order = attribute.Order;
        Tags = [.. attribute.Tags.Select(t => t.TrimStart('@'))];
        Scopes = scopes;
        ParameterTypes = [.. method.GetParameters().Select(p => p.ParameterType)];
        Invoke = MethodInvoker.Compile(method);
        Display = BindingDisplay.Method(method);
    }

    /// <summary>The [Binding] class whose instance runs the method (may derive from the declaring type).</summary>
    public Type BindingType { get; }

    public MethodInfo Method { get; }

    public HookKind Kind { get; }

    public int Order { get; }

    public string[] Tags { get; }

    public BindingScope[] Scopes { get; }

    public Type[] ParameterTypes { get; }

    public Func<object?, object?[], object?> Invoke { get; }

    public string Display { get; }

    /// <summary>true when the tag filter and the scopes accept the target.</summary>
    public bool Applies(ScopeTarget target)
    {
        if (Tags.Length > 0 && !Array.Exists(Tags, target.HasTag))
            return false;
        return BindingScope.Match(Scopes, target) >= 0;
    }
}
