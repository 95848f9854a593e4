using System.Globalization;
using System.Numerics;

namespace Bdd.Conversion;

/// <summary>
/// Converts step argument and table cell text to a .NET type with a culture: string, char, bool,
/// every integer and floating type, decimal, BigInteger, enums (member name ignoring case and spaces),
/// Guid, DateTime, DateTimeOffset, TimeSpan, DateOnly, TimeOnly, Uri and Nullable of them (empty text or
/// "null" → null). Other types go through their TypeConverter / IConvertible when possible.
/// </summary>
internal static class ValueConverter
{
    /// <summary>A reusable converter for <paramref name="type"/>; throws <see cref="FormatException"/> with a clear message.</summary>
    public static Func<string, object?> Create(Type type, CultureInfo culture)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            var inner = Create(underlying, culture);
            return text => string.IsNullOrWhiteSpace(text) || string.Equals(text, "null", StringComparison.OrdinalIgnoreCase) ? null : inner(text);
        }
        if (type == typeof(string) || type == typeof(object))
            return text => text;
        if (type.IsEnum)
            return text => ParseEnum(text, type);

        Func<string, object?>? parse = Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => text => ParseBool(text),
            TypeCode.Char => text => text.Length == 1 ? text[0] : throw Error(text, type),
            TypeCode.SByte => text => sbyte.Parse(text, NumberStyles.Integer, culture),
            TypeCode.Byte => text => byte.Parse(text, NumberStyles.Integer, culture),
            TypeCode.Int16 => text => short.Parse(text, NumberStyles.Integer, culture),
            TypeCode.UInt16 => text => ushort.Parse(text, NumberStyles.Integer, culture),
            TypeCode.Int32 => text => int.Parse(text, NumberStyles.Integer | NumberStyles.AllowThousands, culture),
            TypeCode.UInt32 => text => uint.Parse(text, NumberStyles.Integer | NumberStyles.AllowThousands, culture),
            TypeCode.Int64 => text => long.Parse(text, NumberStyles.Integer | NumberStyles.AllowThousands, culture),
            TypeCode.UInt64 => text => ulong.Parse(text, NumberStyles.Integer | NumberStyles.AllowThousands, culture),
            TypeCode.Single => text => float.Parse(text, NumberStyles.Float | NumberStyles.AllowThousands, culture),
            TypeCode.Double => text => double.Parse(text, NumberStyles.Float | NumberStyles.AllowThousands, culture),
            TypeCode.Decimal => text => decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, culture),
            TypeCode.DateTime => text => DateTime.Parse(text, culture, DateTimeStyles.AllowWhiteSpaces),
            _ => null,
        };
        parse ??= type == typeof(Guid) ? text => Guid.Parse(text)
            : type == typeof(TimeSpan) ? text => TimeSpan.Parse(text, culture)
            : type == typeof(DateTimeOffset) ? text => DateTimeOffset.Parse(text, culture, DateTimeStyles.AllowWhiteSpaces)
            : type == typeof(DateOnly) ? text => DateOnly.Parse(text, culture)
            : type == typeof(TimeOnly) ? text => TimeOnly.Parse(text, culture)
            : type == typeof(BigInteger) ? text => BigInteger.Parse(text, NumberStyles.Integer, culture)
            : type == typeof(Uri) ? text => new Uri(text, UriKind.RelativeOrAbsolute)
            : null;
        if (parse is null)
        {
            var converter = System.ComponentModel.TypeDescriptor.GetConverter(type);
            if (converter.CanConvertFrom(typeof(string)))
                parse = text => converter.ConvertFrom(null, culture, text);
            else
                return text => throw new FormatException($"Cannot convert '{text}' to {type.Name}: no conversion from text exists; add a [StepArgumentTransformation] method returning {type.Name}.");
        }
        return text =>
        {
            try
            {
                return parse(text.Trim());
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or NotSupportedException)
            {
                throw Error(text, type, e);
            }
        };
    }

    /// <summary>Converts once (no caching).</summary>
    public static object? Convert(string text, Type type, CultureInfo culture) => Create(type, culture)(text);

    private static bool ParseBool(string text)
    {
        if (bool.TryParse(text, out var value))
            return value;
        return text.ToUpperInvariant() switch
        {
            "YES" or "Y" or "1" or "ON" => true,
            "NO" or "N" or "0" or "OFF" => false,
            _ => throw Error(text, typeof(bool)),
        };
    }

    private static object ParseEnum(string text, Type type)
    {
        var trimmed = text.Trim();
        if (Enum.TryParse(type, trimmed, ignoreCase: true, out var value) && (Enum.IsDefined(type, value!) || trimmed.Contains(',')))
            return value!;
        var compact = trimmed.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        foreach (var name in Enum.GetNames(type))
        {
            if (string.Equals(name.Replace("_", "", StringComparison.Ordinal), compact, StringComparison.OrdinalIgnoreCase))
                return Enum.Parse(type, name);
        }
        throw new FormatException($"Cannot convert '{text}' to enum {type.Name}: expected one of {string.Join(", ", Enum.GetNames(type))}.");
    }

    private static FormatException Error(string text, Type type, Exception? inner = null)
        => new($"Cannot convert '{text}' to {type.Name}" + (inner is null ? "." : $": {inner.Message}"), inner);
}
