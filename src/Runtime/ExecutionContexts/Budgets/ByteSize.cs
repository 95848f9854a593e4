using System.Globalization;

namespace Runtime.ExecutionContexts.Budgets;

/// <summary>Formats byte counts the way people read them: "1 GiB", "512 MiB", "1073741825 bytes".</summary>
public static class ByteSize
{
    /// <summary>One kibibyte: 1,024 bytes.</summary>
    public const long KiB = 1024;

    /// <summary>One mebibyte: 1,048,576 bytes.</summary>
    public const long MiB = 1024 * KiB;

    /// <summary>One gibibyte: 1,073,741,824 bytes.</summary>
    public const long GiB = 1024 * MiB;

    /// <summary>
    /// An exact, readable size: the largest binary unit dividing <paramref name="bytes"/> exactly
    /// ("2 GiB"), else the plain count ("1 byte", "1073741825 bytes"). Never rounds.
    /// </summary>
    public static string Format(long bytes)
    {
        if (bytes != 0)
        {
            if (bytes % GiB == 0)
            {
                return Invariant(bytes / GiB) + " GiB";
            }

            if (bytes % MiB == 0)
            {
                return Invariant(bytes / MiB) + " MiB";
            }

            if (bytes % KiB == 0)
            {
                return Invariant(bytes / KiB) + " KiB";
            }
        }

        return bytes == 1 ? "1 byte" : Invariant(bytes) + " bytes";
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
