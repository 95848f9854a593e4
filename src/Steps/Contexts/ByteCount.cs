namespace Steps.Contexts;

/// <summary>A size written the way people read it in a scenario: "1 GiB", "512 MiB", "1073741825 bytes".</summary>
/// <param name="Bytes">The exact number of bytes (may be zero or negative to describe bad input).</param>
public readonly record struct ByteCount(long Bytes);
