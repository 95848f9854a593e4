namespace Runtime.Reload;

/// <summary>Stable names of reload instruments.</summary>
public static class ReloadDefaults
{

    /// <summary>The handoff file name suffix: <c>gpu-0.handoff.json</c>.</summary>
    public const string HandoffSuffix = ".handoff.json";
}
