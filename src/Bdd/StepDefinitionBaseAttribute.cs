namespace Bdd;

/// <summary>
/// Base of <see cref="GivenAttribute"/>, <see cref="WhenAttribute"/>, <see cref="ThenAttribute"/> and
/// <see cref="StepDefinitionAttribute"/>.
/// <para>
/// <b>Expression</b>: null or empty derives it from the method name like Reqnroll
/// (<c>Given_the_pool_is_ready</c> or <c>GivenThePoolIsReady</c> → "the pool is ready"; a parameter
/// name written in capitals in the method name (<c>Given_P0_is_ready(string p0)</c>) becomes a parameter).
/// Otherwise the text is a regular expression when it starts with <c>^</c> or ends with <c>$</c>,
/// or when it has no <c>{...}</c> parameter and contains a common regex step pattern
/// (a group ending in * or + such as <c>(.*)</c> or <c>(\d+)</c>, <c>.*</c>, <c>\.</c>, <c>\d+</c>) - Reqnroll's
/// CucumberExpressionDetector rule; else a Cucumber Expression. <see cref="ExpressionType"/> forces either.
/// </para>
/// <para>
/// <b>Keyword matching</b> (as Reqnroll): a [Given] definition matches only Given steps, [When] only
/// When steps, [Then] only Then steps; And/But steps take the type of the previous step;
/// [StepDefinition] matches every type.
/// </para>
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public abstract class StepDefinitionBaseAttribute : Attribute
{
    private protected StepDefinitionBaseAttribute(string? expression, params StepDefinitionType[] types)
    {
        Expression = expression;
        Types = types;
    }

    /// <summary>The step text pattern; null derives it from the method name.</summary>
    public string? Expression { get; set; }

    /// <summary>The keyword types this definition matches.</summary>
    public StepDefinitionType[] Types { get; }

    /// <summary>Forces the expression kind; <see cref="ExpressionType.Unspecified"/> (default) detects it.</summary>
    public ExpressionType ExpressionType { get; set; }

    /// <summary>Culture name for argument conversion of this definition; null uses language.binding.</summary>
    public string? Culture { get; set; }
}

/// <summary>A step definition for Given steps (and And/But after a Given).</summary>
public sealed class GivenAttribute : StepDefinitionBaseAttribute
{
    /// <summary>Expression derived from the method name.</summary>
    public GivenAttribute() : base(null, StepDefinitionType.Given) { }

    /// <summary>With a Cucumber Expression or regular expression.</summary>
    public GivenAttribute(string expression) : base(expression, StepDefinitionType.Given) { }

    /// <summary>With an expression and a conversion culture.</summary>
    public GivenAttribute(string expression, string culture) : base(expression, StepDefinitionType.Given) => Culture = culture;
}

/// <summary>A step definition for When steps (and And/But after a When).</summary>
public sealed class WhenAttribute : StepDefinitionBaseAttribute
{
    /// <summary>Expression derived from the method name.</summary>
    public WhenAttribute() : base(null, StepDefinitionType.When) { }

    /// <summary>With a Cucumber Expression or regular expression.</summary>
    public WhenAttribute(string expression) : base(expression, StepDefinitionType.When) { }

    /// <summary>With an expression and a conversion culture.</summary>
    public WhenAttribute(string expression, string culture) : base(expression, StepDefinitionType.When) => Culture = culture;
}

/// <summary>A step definition for Then steps (and And/But after a Then).</summary>
public sealed class ThenAttribute : StepDefinitionBaseAttribute
{
    /// <summary>Expression derived from the method name.</summary>
    public ThenAttribute() : base(null, StepDefinitionType.Then) { }

    /// <summary>With a Cucumber Expression or regular expression.</summary>
    public ThenAttribute(string expression) : base(expression, StepDefinitionType.Then) { }

    /// <summary>With an expression and a conversion culture.</summary>
    public ThenAttribute(string expression, string culture) : base(expression, StepDefinitionType.Then) => Culture = culture;
}

/// <summary>A step definition matching Given, When and Then steps.</summary>
public sealed class StepDefinitionAttribute : StepDefinitionBaseAttribute
{
    /// <summary>Expression derived from the method name.</summary>
    public StepDefinitionAttribute() : base(null, StepDefinitionType.Given, StepDefinitionType.When, StepDefinitionType.Then) { }

    /// <summary>With a Cucumber Expression or regular expression.</summary>
    public StepDefinitionAttribute(string expression) : base(expression, StepDefinitionType.Given, StepDefinitionType.When, StepDefinitionType.Then) { }

    /// <summary>With an expression and a conversion culture.</summary>
    public StepDefinitionAttribute(string expression, string culture) : base(expression, StepDefinitionType.Given, StepDefinitionType.When, StepDefinitionType.Then) => Culture = culture;
}
