using System.Globalization;
using System.Text;

namespace FeatureCodeBehind;

/// <summary>
/// C# names for generated classes and test methods: the words of a title joined PascalCase
/// ("A draining pool refuses new leases" -> <c>ADrainingPoolRefusesNewLeases</c>), '_' before a leading digit.
/// </summary>
internal static class TestNames
{
    public static string PascalCase(string text, string fallback)
    {
        var builder = new StringBuilder(text.Length);
        var startOfWord = true;
        foreach (var c in text)
        {
            if (!IsIdentifierPart(c))
            {
                startOfWord = true;
                continue;
            }

            builder.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
        }

        if (builder.Length == 0)
        {
            return fallback;
        }

        return char.IsLetter(builder[0]) ? builder.ToString() : "_" + builder;
    }

    /// <summary>The namespace of a feature: the root namespace plus its folders, PascalCased.</summary>
    public static string Namespace(string rootNamespace, string folderPath) =>
        string.Join('.', new[] { rootNamespace }.Concat(
            folderPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(f => PascalCase(f, "_"))));

    /// <summary>Returns <paramref name="name"/>, or it with <c>_2</c>, <c>_3</c>, ... appended, so that it is not taken yet.</summary>
    public static string Unique(string name, ISet<string> taken)
    {
        var candidate = name;
        for (var suffix = 2; !taken.Add(candidate); suffix++)
        {
            candidate = name + "_" + suffix.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static bool IsIdentifierPart(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or
        UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber or
        UnicodeCategory.DecimalDigitNumber;
}
