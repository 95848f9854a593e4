using System.Globalization;
using Bdd.Conversion;

namespace Bdd.Assist;

/// <summary>Compares a table cell with an actual value: converted equality first, then formatted text equality.</summary>
internal static class ValueComparer
{
    public static bool AreEqual(string expected, object? actual, Type memberType, CultureInfo culture)
    {
        if (actual is null)
            return string.IsNullOrEmpty(expected) || string.Equals(expected, "null", StringComparison.OrdinalIgnoreCase);
        try
        {
            var converted = ValueConverter.Convert(expected, memberType, culture);
            if (Equals(converted, actual))
                return true;
        }
        catch (FormatException)
        {
            // fall back to text comparison
        }
        return string.Equals(expected, Format(actual, culture), StringComparison.Ordinal);
    }

    public static string Format(object? value, CultureInfo culture) => value switch
    {
        null => "null",
        IFormattable formattable => formattable.ToString(null, culture),
        _ => value.ToString() ?? string.Empty,
    };
}
