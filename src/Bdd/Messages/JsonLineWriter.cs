using System.Globalization;
using System.Text;

namespace Bdd.Messages;

/// <summary>
/// Writes one compact JSON value exactly as JavaScript's <c>JSON.stringify</c> does (the form the
/// official Cucumber implementations print): no whitespace, non-ASCII characters unescaped, control
/// characters and lone surrogates as lowercase <c>\u00xx</c>, properties in the order they are written.
/// Build an envelope with <see cref="Envelope.Create"/> rather than directly.
/// </summary>
public sealed class JsonLineWriter
{
    private readonly StringBuilder builder = new();
    private bool needsComma;

    /// <summary>Starts an object, as a value or after <see cref="Name"/>.</summary>
    public JsonLineWriter StartObject() => Open('{');

    public JsonLineWriter EndObject() => Close('}');

    public JsonLineWriter StartArray() => Open('[');

    public JsonLineWriter EndArray() => Close(']');

    /// <summary>Writes a property name; the next call writes its value.</summary>
    public JsonLineWriter Name(string name)
    {
        Comma();
        AppendString(name);
        builder.Append(':');
        return this;
    }

    public JsonLineWriter Value(string value)
    {
        Comma();
        AppendString(value);
        needsComma = true;
        return this;
    }

    public JsonLineWriter Value(long value) => Raw(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A number; integral values print without a fraction, as in JavaScript.</summary>
    public JsonLineWriter Value(double value) =>
        Raw(value == System.Math.Floor(value) && System.Math.Abs(value) < 1e15
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture));

    public JsonLineWriter Value(bool value) => Raw(value ? "true" : "false");

    public JsonLineWriter Null() => Raw("null");

    /// <summary>Writes <c>"name":"value"</c>.</summary>
    public JsonLineWriter String(string name, string value) => Name(name).Value(value);

    /// <summary>Writes <c>"name":"value"</c>, or nothing for null (the reference omits undefined fields).</summary>
    public JsonLineWriter StringIfNotNull(string name, string? value) => value == null ? this : Name(name).Value(value);

    public JsonLineWriter Number(string name, long value) => Name(name).Value(value);

    public JsonLineWriter NumberIfNotNull(string name, long? value) => value is { } v ? Name(name).Value(v) : this;

    public JsonLineWriter Boolean(string name, bool value) => Name(name).Value(value);

    /// <summary>Writes a string array property.</summary>
    public JsonLineWriter Strings(string name, IEnumerable<string> values)
    {
        Name(name).StartArray();
        foreach (var value in values)
        {
            Value(value);
        }

        return EndArray();
    }

    /// <summary>A Cucumber Timestamp: <c>{"seconds":..,"nanos":..}</c> since the Unix epoch.</summary>
    public JsonLineWriter Timestamp(string name, DateTimeOffset time)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var seconds = System.Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var rest);
        if (rest < 0)
        {
            seconds--;
            rest += TimeSpan.TicksPerSecond;
        }

        return Name(name).StartObject().Number("seconds", seconds).Number("nanos", rest * 100).EndObject();
    }

    /// <summary>A Cucumber Duration: <c>{"seconds":..,"nanos":..}</c>.</summary>
    public JsonLineWriter Duration(string name, TimeSpan duration)
    {
        var seconds = System.Math.DivRem(duration.Ticks, TimeSpan.TicksPerSecond, out var rest);
        return Name(name).StartObject().Number("seconds", seconds).Number("nanos", rest * 100).EndObject();
    }

    /// <summary>The JSON written so far.</summary>
    public override string ToString() => builder.ToString();

    private JsonLineWriter Open(char c)
    {
        Comma();
        builder.Append(c);
        needsComma = false;
        return this;
    }

    private JsonLineWriter Close(char c)
    {
        builder.Append(c);
        needsComma = true;
        return this;
    }

    private JsonLineWriter Raw(string text)
    {
        Comma();
        builder.Append(text);
        needsComma = true;
        return this;
    }

    private void Comma()
    {
        if (needsComma)
        {
            builder.Append(',');
            needsComma = false;
        }
    }

    private void AppendString(string value)
    {
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ' || IsLoneSurrogate(value, i))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsHighSurrogate(c))
                    {
                        builder.Append(c).Append(value[++i]); // a well-formed pair is written as is
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    private static bool IsLoneSurrogate(string s, int i)
    {
        var c = s[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]);
        }

        return char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(s[i - 1]));
    }
}
