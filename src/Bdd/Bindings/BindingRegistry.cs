using System.Globalization;
using System.Reflection;
using Bdd.Expressions;

namespace Bdd.Bindings;

/// <summary>
/// Every binding found in the [Binding] classes of a set of types: step definitions (indexed by keyword
/// type and literal first word), hooks (sorted by Order, type name, method name) and step argument
/// transformations. Problems found while discovering (bad expressions, non-static test-run/feature hooks)
/// are collected in <see cref="Errors"/>; the runner fails every scenario with them.
/// </summary>
internal sealed partial class BindingRegistry
{
    private readonly List<StepBinding> _steps = [];
    private readonly Dictionary<HookKind, HookBinding[]> _hooks = [];
    private readonly List<TransformationBinding> _transformations = [];
    private readonly List<string> _errors = [];
    private readonly Dictionary<string, ParameterType> _builtInTypes;
    private readonly Dictionary<string, Type> _enumsByName = new(StringComparer.Ordinal);
    private readonly StepIndex[] _indexes;

    public BindingRegistry(IEnumerable<Type> types, CultureInfo culture)
    {
        Culture = culture;
        _builtInTypes = BuiltInParameterTypes.Create(culture);
        var bindingTypes = types.Where(t => t.IsClass && t.GetCustomAttribute<BindingAttribute>(inherit: true) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
        foreach (var assembly in bindingTypes.Select(t => t.Assembly).Distinct())
            CollectEnums(assembly);

        var methods = bindingTypes.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.DeclaringType != typeof(object) && !m.IsSpecialName)
            .Select(m => (Type: t, Method: m))).ToList();

        foreach (var (_, method) in methods)
        {
            foreach (var attribute in method.GetCustomAttributes<StepArgumentTransformationAttribute>(inherit: true))
                Try(method, () => _transformations.Add(new TransformationBinding(method, attribute)));
        }
        Converters = new ArgumentConverters(culture, _transformations);

        var hooks = new List<HookBinding>();
        foreach (var (type, method) in methods)
        {
            var scopes = Scopes(type, method);
            foreach (var attribute in method.GetCustomAttributes<StepDefinitionBaseAttribute>(inherit: true))
                Try(method, () => _steps.Add(new StepBinding(type, method, attribute, CompileExpression(method, attribute), scopes, Converters)));
            foreach (var attribute in method.GetCustomAttributes<HookAttribute>(inherit: true))
                Try(method, () => hooks.Add(CreateHook(type, method, attribute, scopes)));
        }
        foreach (var group in hooks.GroupBy(h => h.Kind))
        {
            _hooks[group.Key] = [.. group.OrderBy(h => h.Order)
                .ThenBy(h => h.BindingType.FullName, StringComparer.Ordinal)
                .ThenBy(h => h.Method.Name, StringComparer.Ordinal)];
        }
        _indexes = [.. Enum.GetValues<StepDefinitionType>().Select(t => new StepIndex(_steps.Where(s => Array.IndexOf(s.Types, t) >= 0)))];
    }

    public CultureInfo Culture { get; }

    public ArgumentConverters Converters { get; }

    public IReadOnlyList<StepBinding> Steps => _steps;

    public IReadOnlyList<TransformationBinding> Transformations => _transformations;

    public IReadOnlyList<string> Errors => _errors;

    public HookBinding[] Hooks(HookKind kind) => _hooks.TryGetValue(kind, out var hooks) ? hooks : [];

    public StepIndex Index(StepDefinitionType type) => _indexes[(int)type];

    private void Try(MethodInfo method, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is ExpressionException or ArgumentException or CultureNotFoundException)
        {
            _errors.Add($"{BindingDisplay.Method(method)}: {e.Message}");
        }
    }

    private static BindingScope[] Scopes(Type type, MethodInfo method)
    {
        var scopes = method.GetCustomAttributes<ScopeAttribute>(inherit: true).ToArray();
        if (scopes.Length == 0)
            scopes = [.. type.GetCustomAttributes<ScopeAttribute>(inherit: true)];
        return [.. scopes.Select(s => new BindingScope(s.Tag, s.Feature, s.Scenario))];
    }

    private static HookBinding CreateHook(Type type, MethodInfo method, HookAttribute attribute, BindingScope[] scopes)
    {
        var kind = attribute switch
        {
            BeforeTestRunAttribute => HookKind.BeforeTestRun,
            AfterTestRunAttribute => HookKind.AfterTestRun,
            BeforeFeatureAttribute => HookKind.BeforeFeature,
            AfterFeatureAttribute => HookKind.AfterFeature,
            BeforeScenarioAttribute or BeforeAttribute => HookKind.BeforeScenario,
            AfterScenarioAttribute or AfterAttribute => HookKind.AfterScenario,
            BeforeStepAttribute => HookKind.BeforeStep,
            _ => HookKind.AfterStep,
        };
        if (kind is HookKind.BeforeTestRun or HookKind.AfterTestRun or HookKind.BeforeFeature or HookKind.AfterFeature && !method.IsStatic)
            throw new ArgumentException($"[{kind}] hooks must be static methods (as in Reqnroll).");
        return new HookBinding(type, method, kind, attribute, scopes);
    }

    private StepExpression CompileExpression(MethodInfo method, StepDefinitionBaseAttribute attribute)
    {
        var text = attribute.Expression;
        if (string.IsNullOrEmpty(text))
            return MethodNameExpression.Compile(method);
        var isRegex = attribute.ExpressionType switch
        {
            ExpressionType.RegularExpression => true,
            ExpressionType.CucumberExpression => false,
            _ => ExpressionDetector.IsRegularExpression(text),
        };
        if (isRegex)
            return RegularExpressionCompiler.Compile(text);
        var parameters = method.GetParameters();
        return CucumberExpressionCompiler.Compile(text, (name, index) => ResolveParameterType(name, index < parameters.Length ? parameters[index].ParameterType : null));
    }

    private void CollectEnums(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = [.. e.Types.Where(t => t is not null)!];
        }
        foreach (var type in types)
        {
            if (type.IsEnum)
                _enumsByName.TryAdd(type.Name, type);
        }
    }
}
