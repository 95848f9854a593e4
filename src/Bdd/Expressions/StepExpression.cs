using System.Text.RegularExpressions;

namespace Bdd.Expressions;

/// <summary>The kind of a step definition's expression.</summary>
internal enum StepExpressionKind
{
    CucumberExpression,
    RegularExpression,
    MethodName,
}

/// <summary>
/// A compiled step expression: a whole-text regex with one group per argument, the parameter type of each
/// argument (null for regex groups) and the literal first word used to index bindings (null = any).
/// </summary>
internal sealed class StepExpression
{
    public StepExpression(string source, StepExpressionKind kind, Regex regex, int[] groupNumbers, ParameterType?[] parameterTypes, string literalPrefix)
    {
        LiteralPrefix = literalPrefix;
        Source = source;
        Kind = kind;
        Regex = regex;
        GroupNumbers = groupNumbers;
        ParameterTypes = parameterTypes;
    }

    public string Source { get; }

    public StepExpressionKind Kind { get; }

    public Regex Regex { get; }

    /// <summary>The regex group number of each argument, in order.</summary>
    public int[] GroupNumbers { get; }

    /// <summary>Per argument: the Cucumber parameter type, or null for a regex group.</summary>
    public ParameterType?[] ParameterTypes { get; }

    public int ArgumentCount => GroupNumbers.Length;

    /// <summary>Text every match starts with (ordinal, case-sensitive); checked before the regex. Empty = none.</summary>
    public string LiteralPrefix { get; }

    /// <summary>Matches the whole text; on success fills <paramref name="arguments"/> with the prepared group texts.</summary>
    public bool TryMatch(string text, out string[] arguments)
    {
        if (LiteralPrefix.Length > 0 && !text.StartsWith(LiteralPrefix, StringComparison.Ordinal))
        {
            arguments = [];
            return false;
        }
        var match = Regex.Match(text);
        if (!match.Success)
        {
            arguments = [];
            return false;
        }
        var count = GroupNumbers.Length;
        if (count == 0)
        {
            arguments = [];
            return true;
        }
        arguments = new string[count];
        for (var i = 0; i < count; i++)
        {
            var value = match.Groups[GroupNumbers[i]].Value;
            var prepare = ParameterTypes[i]?.Prepare;
            arguments[i] = prepare is null ? value : prepare(value);
        }
        return true;
    }

    /// <summary>
    /// Where the arguments of a match of <paramref name="text"/> are (Cucumber's stepMatchArguments): the raw group
    /// text, not the prepared value, so that a report can highlight it in the step. Empty when it does not match.
    /// </summary>
    public IReadOnlyList<Events.StepMatchArgument> MatchArguments(string text)
    {
        var match = Regex.Match(text);
        if (!match.Success)
            return [];
        var arguments = new Events.StepMatchArgument[GroupNumbers.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            var group = match.Groups[GroupNumbers[i]];
            arguments[i] = new Events.StepMatchArgument(group.Success ? group.Index : null, group.Success ? group.Value : null, ParameterTypes[i]?.Name);
        }
        return arguments;
    }

    public override string ToString() => Source;
}
