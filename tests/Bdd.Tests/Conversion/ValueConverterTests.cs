using System.Globalization;
using System.Numerics;
using Bdd.Conversion;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Conversion;

public enum CrashReason
{
    OutOfMemory,
    Segfault,
    Killed,
}

public class ValueConverterTests
{
    private static readonly CultureInfo EnUs = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo DeDe = CultureInfo.GetCultureInfo("de-DE");

    public static TheoryData<string, Type, object?> Conversions => new()
    {
        { "42", typeof(int), 42 },
        { "1,000", typeof(int), 1000 },
        { "-9000000000", typeof(long), -9000000000L },
        { "255", typeof(byte), (byte)255 },
        { "1.5", typeof(double), 1.5 },
        { "2.25", typeof(float), 2.25f },
        { "19.99", typeof(decimal), 19.99m },
        { "123456789012345678901234567890", typeof(BigInteger), BigInteger.Parse("123456789012345678901234567890", CultureInfo.InvariantCulture) },
        { "true", typeof(bool), true },
        { "No", typeof(bool), false },
        { "segfault", typeof(CrashReason), CrashReason.Segfault },
        { "out of memory", typeof(CrashReason), CrashReason.OutOfMemory },
        { "00000000-0000-0000-0000-000000000001", typeof(Guid), new Guid("00000000-0000-0000-0000-000000000001") },
        { "00:05:00", typeof(TimeSpan), TimeSpan.FromMinutes(5) },
        { "2026-01-02", typeof(DateTime), new DateTime(2026, 1, 2) },
        { "7", typeof(int?), 7 },
        { "", typeof(int?), null },
        { "null", typeof(CrashReason?), null },
        { "x", typeof(char), 'x' },
        { "text", typeof(string), "text" },
    };

    [Theory]
    [MemberData(nameof(Conversions))]
    public void Convert_SupportedType_ReturnsTypedValue(string text, Type type, object? expected)
        => ValueConverter.Convert(text, type, EnUs).Should().Be(expected);

    [Fact]
    public void Convert_GermanCulture_UsesCommaAsDecimalSeparator()
    {
        ValueConverter.Convert("1,5", typeof(double), DeDe).Should().Be(1.5);
        ValueConverter.Convert("02.01.2026", typeof(DateTime), DeDe).Should().Be(new DateTime(2026, 1, 2));
    }

    [Theory]
    [InlineData("abc", typeof(int), "Cannot convert 'abc' to Int32")]
    [InlineData("maybe", typeof(bool), "Cannot convert 'maybe' to Boolean")]
    [InlineData("Crashed", typeof(CrashReason), "expected one of OutOfMemory, Segfault, Killed")]
    [InlineData("300", typeof(byte), "Cannot convert '300' to Byte")]
    public void Convert_InvalidText_ThrowsFormatExceptionNamingValueAndType(string text, Type type, string fragment)
        => FluentActions.Invoking(() => ValueConverter.Convert(text, type, EnUs)).Should().Throw<FormatException>().WithMessage($"*{fragment}*");
}
