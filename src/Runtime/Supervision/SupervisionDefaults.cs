namespace Runtime.Supervision;

/// <summary>Defaults and stable names of supervision.</summary>
public static class SupervisionDefaults
{

    /// <summary>A graceful exit (code 0) is not restarted: false.</summary>
    public const bool RestartOnGracefulExit = false;
}
