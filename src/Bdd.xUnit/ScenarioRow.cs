namespace Bdd.xUnit;

/// <summary>
/// What a test case adds to its method's attributes: a display name and a skip reason (null: the method's own)
/// and extra Category trait values (an outline row's Examples tags).
/// </summary>
internal sealed record ScenarioRow(string? DisplayName, string? SkipReason, IReadOnlyList<string> Categories)
{
    /// <summary>Nothing added: a plain scenario.</summary>
    public static ScenarioRow None { get; } = new(null, null, []);
}
