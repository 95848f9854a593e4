namespace Bdd.Bindings;

/// <summary>When a hook runs.</summary>
internal enum HookKind
{
    BeforeTestRun,
    AfterTestRun,
    BeforeFeature,
    AfterFeature,
    BeforeScenario,
    AfterScenario,
    BeforeStep,
    AfterStep,
}
