using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace FeatureXunit;

/// <summary>
/// A scenario's test method as runners see it: the feature class's one generated method, under the scenario's own name.
/// Runners build the test's fully qualified name from it (<c>Steps.Features.Supervision.DrainFeature.ADrainingPoolRefusesNewLeases</c>),
/// as they would for Reqnroll.xUnit's method per scenario, while the compiler sees one method per feature. It runs the
/// real method, and is serialized with the real method's name and its own.
/// </summary>
public sealed class ScenarioTestMethod : ITestMethod
{
    private ITestMethod _real = null!;
    private string _name = "";
    private ScenarioMethodInfo? _method;

    /// <summary>For deserialization only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ScenarioTestMethod()
    {
    }

    internal ScenarioTestMethod(ITestMethod real, string name)
    {
        _real = real;
        _name = name;
    }

    /// <inheritdoc />
    public IMethodInfo Method => _method ??= new ScenarioMethodInfo((IReflectionMethodInfo)_real.Method, _name);

    /// <inheritdoc />
    public ITestClass TestClass => _real.TestClass;

    /// <inheritdoc />
    public void Serialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.AddValue("Method", _real);
        info.AddValue("Name", _name);
    }

    /// <inheritdoc />
    public void Deserialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        _real = info.GetValue<ITestMethod>("Method");
        _name = info.GetValue<string>("Name");
        _method = null;
    }

    /// <summary>The real method under the scenario's name; everything else is the real method's.</summary>
    private sealed class ScenarioMethodInfo(IReflectionMethodInfo real, string name) : IReflectionMethodInfo
    {
        public System.Reflection.MethodInfo MethodInfo => real.MethodInfo;

        public bool IsAbstract => real.IsAbstract;

        public bool IsGenericMethodDefinition => real.IsGenericMethodDefinition;

        public bool IsPublic => real.IsPublic;

        public bool IsStatic => real.IsStatic;

        public string Name => name;

        public ITypeInfo ReturnType => real.ReturnType;

        public ITypeInfo Type => real.Type;

        public IEnumerable<IAttributeInfo> GetCustomAttributes(string assemblyQualifiedAttributeTypeName) => real.GetCustomAttributes(assemblyQualifiedAttributeTypeName);

        public IEnumerable<ITypeInfo> GetGenericArguments() => real.GetGenericArguments();

        public IEnumerable<IParameterInfo> GetParameters() => real.GetParameters();

        public IMethodInfo MakeGenericMethod(params ITypeInfo[] typeArguments) => real.MakeGenericMethod(typeArguments);
    }
}
