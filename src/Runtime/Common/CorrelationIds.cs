namespace Runtime.Common;

/// <summary>Correlation ids tie every log event of one operator action (a drain, a reload, a reset) together.</summary>
public static class CorrelationIds
{
    /// <summary>A new id: 12 hexadecimal digits, for example <c>3f9a0c1b7d2e</c>.</summary>
    public static string New() => Guid.NewGuid().ToString("N")[..12];

    /// <summary><paramref name="given"/> when it is set, else a new id.</summary>
    /// <exception cref="ArgumentException">When <paramref name="given"/> is empty or blank.</exception>
    public static string OrNew(string? given)
    {
        if (given is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(given, "correlationId");
        }

        return given ?? New();
    }
}
