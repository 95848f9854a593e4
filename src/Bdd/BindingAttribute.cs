namespace Bdd;

/// <summary>
/// Marks a class holding step definitions, hooks or step argument transformations. Instances are
/// created once per scenario (constructor injection from the scenario container).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class BindingAttribute : Attribute
{
}
