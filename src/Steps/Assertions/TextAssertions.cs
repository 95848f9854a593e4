using FluentAssertions.Execution;

namespace Steps.Assertions;

/// <summary>
/// A Then that compares texts. FluentAssertions 7 shows only a few characters around the first difference of two
/// strings, and no setting changes that; a reader of a failed scenario needs the whole expected and actual text.
/// </summary>
public static class TextAssertions
{
    /// <summary>Fails unless <paramref name="actual"/> is exactly <paramref name="expected"/>, printing both in full.</summary>
    public static void ShouldRead(this string? actual, string expected, string because)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (string.Equals(actual, expected, StringComparison.Ordinal))
        {
            return;
        }

        var reason = because.Length == 0 ? "The texts differ" : char.ToUpperInvariant(because[0]) + because[1..];
        Execute.Assertion.FailWith(
            reason.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal) + "." + Environment.NewLine +
            "Expected: {0}" + Environment.NewLine +
            "Actual:   {1}" + Environment.NewLine +
            "(" + Difference(actual, expected) + ").",
            expected, actual);
    }

    private static string Difference(string? actual, string expected)
    {
        if (actual is null)
        {
            return "there is no text at all";
        }

        var index = 0;
        while (index < actual.Length && index < expected.Length && actual[index] == expected[index])
        {
            index++;
        }

        return index == actual.Length ? $"it ends at index {index}, where more was expected"
            : index == expected.Length ? $"it goes on past index {index}, where it should end"
            : $"they first differ at index {index}";
    }
}
