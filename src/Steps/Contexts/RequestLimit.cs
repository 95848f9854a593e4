namespace Steps.Contexts;

/// <summary>A lifetime limit of requests written the way a scenario says it: "3 total requests", "unlimited total requests".</summary>
/// <param name="Total">The limit; <see cref="long.MaxValue"/> for unlimited (may be zero or negative to describe bad input).</param>
public readonly record struct RequestLimit(long Total);
