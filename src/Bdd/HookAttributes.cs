namespace Bdd;

/// <summary>
/// Base of every hook attribute. <see cref="Tags"/> restricts the hook to scenarios having any of the
/// tags ('@' optional). Hooks run ordered by <see cref="Order"/> (default 10000, lower first), then by
/// type and method name. Before/After test run and feature hooks must be static methods.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public abstract class HookAttribute : Attribute
{
    /// <summary>Reqnroll's default hook order.</summary>
    public const int DefaultOrder = 10000;

    private protected HookAttribute(string[] tags) => Tags = tags;

    /// <summary>Tag filter (any of); empty runs for every scenario.</summary>
    public string[] Tags { get; }

    /// <summary>Lower runs first; default 10000.</summary>
    public int Order { get; set; } = DefaultOrder;
}

/// <summary>Runs once before any scenario of the assembly. Static method.</summary>
public sealed class BeforeTestRunAttribute : HookAttribute
{
    /// <summary>Creates the attribute.</summary>
    public BeforeTestRunAttribute() : base([]) { }
}

/// <summary>Runs once after the last scenario of the assembly. Static method.</summary>
public sealed class AfterTestRunAttribute : HookAttribute
{
    /// <summary>Creates the attribute.</summary>
    public AfterTestRunAttribute() : base([]) { }
}

/// <summary>Runs before the first scenario of a feature. Static method; may take FeatureContext.</summary>
public sealed class BeforeFeatureAttribute : HookAttribute
{
    /// <summary>Filtered by feature tags.</summary>
    public BeforeFeatureAttribute(params string[] tags) : base(tags) { }
}

/// <summary>Runs after the last scenario of a feature. Static method; may take FeatureContext.</summary>
public sealed class AfterFeatureAttribute : HookAttribute
{
    /// <summary>Filtered by feature tags.</summary>
    public AfterFeatureAttribute(params string[] tags) : base(tags) { }
}

/// <summary>Runs before every scenario (filtered by tags). A failure skips all steps and fails the scenario.</summary>
public sealed class BeforeScenarioAttribute : HookAttribute
{
    /// <summary>Filtered by the scenario's combined tags.</summary>
    public BeforeScenarioAttribute(params string[] tags) : base(tags) { }
}

/// <summary>Alias of <see cref="BeforeScenarioAttribute"/>.</summary>
public sealed class BeforeAttribute : HookAttribute
{
    /// <summary>Filtered by the scenario's combined tags.</summary>
    public BeforeAttribute(params string[] tags) : base(tags) { }
}

/// <summary>Runs after every scenario (filtered by tags), also after a failure.</summary>
public sealed class AfterScenarioAttribute : HookAttribute
{
    /// <summary>Filtered by the scenario's combined tags.</summary>
    public AfterScenarioAttribute(params string[] tags) : base(tags) { }
}

/// <summary>Alias of <see cref="AfterScenarioAttribute"/>.</summary>
public sealed class AfterAttribute : HookAttribute
{
    /// <summary>Filtered by the scenario's combined tags.</summary>
    public AfterAttribute(params string[] tags) : base(tags) { }
}

/// <summary>Runs before every step of matching scenarios.</summary>
public sealed class BeforeStepAttribute : HookAttribute
{
    /// <summary>Filtered by the scenario's combined tags.</summary>
    public BeforeStepAttribute(params string[] tags) : base(tags) { }
}

/// <summary>Runs after every executed step of matching scenarios (also after a failing step).</summary>
public sealed class AfterStepAttribute : HookAttribute
{
    /// <summary>Filtered by the scenario's combined tags.</summary>
    public AfterStepAttribute(params string[] tags) : base(tags) { }
}
