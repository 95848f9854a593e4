namespace Runtime.Supervision.Drain;

/// <summary>Stable names of drain instruments and log events.</summary>
public static class DrainDefaults
{

}
