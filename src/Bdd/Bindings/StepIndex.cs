namespace Bdd.Bindings;

/// <summary>
/// The step definitions of one keyword type, bucketed by the literal first word of their expression
/// (ignoring case) so a step is only matched against definitions that can match it.
/// </summary>
internal sealed class StepIndex
{
    private readonly Dictionary<string, StepBinding[]> _byFirstWord;
    private readonly Dictionary<string, StepBinding[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly StepBinding[] _any;

    public StepIndex(IEnumerable<StepBinding> bindings)
    {
        var all = bindings.ToList();
        _any = [.. all.Where(b => b.Expression.FirstWord is null)];
        _byFirstWord = all.Where(b => b.Expression.FirstWord is not null)
            .GroupBy(b => b.Expression.FirstWord!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Concat(_any).ToArray(), StringComparer.OrdinalIgnoreCase);
        _lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The definitions that may match <paramref name="text"/>.</summary>
    public StepBinding[] Candidates(string text)
    {
        var end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
            end++;
        return _lookup.TryGetValue(text.AsSpan(0, end), out var bucket) ? bucket : _any;
    }
}
