namespace Steps.Drivers;

/// <summary>How many fresh pools a race scenario runs its rounds on: one round per pool.</summary>
public sealed class RacePools
{
    /// <summary>The number of pools, one round each.</summary>
    public int Count { get; set; }
}
