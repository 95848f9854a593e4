namespace Bdd.Bindings;

/// <summary>
/// The step definitions of one keyword type, bucketed by the leading literal words of their expression
/// (up to <see cref="MaxWords"/> whole words: the literal prefix cut after its last, at most third,
/// whitespace). A step is matched only against the buckets of its own first 0..3 words, so a step layer of
/// hundreds of definitions costs a few dictionary look-ups and a handful of regex matches per step.
/// </summary>
internal sealed class StepIndex
{
    public const int MaxWords = 3;

    private readonly Dictionary<string, StepBinding[]> _buckets;
    private readonly Dictionary<string, StepBinding[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly StepBinding[] _any;

    public StepIndex(IEnumerable<StepBinding> bindings)
    {
        var byKey = bindings.GroupBy(b => Key(b.Expression.LiteralPrefix), StringComparer.Ordinal).ToList();
        _any = byKey.FirstOrDefault(g => g.Key.Length == 0)?.ToArray() ?? [];
        _buckets = byKey.Where(g => g.Key.Length > 0).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _lookup = _buckets.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The literal prefix cut after its last whitespace, at most the <see cref="MaxWords"/>th.</summary>
    internal static string Key(string literalPrefix)
    {
        var cut = 0;
        var words = 0;
        for (var i = 0; i < literalPrefix.Length && words < MaxWords; i++)
        {
            if (char.IsWhiteSpace(literalPrefix[i]))
            {
                cut = i + 1;
                words++;
            }
        }
        return literalPrefix[..cut];
    }

    /// <summary>The buckets whose definitions may match <paramref name="text"/> (unset entries are null).</summary>
    public Candidates For(string text)
    {
        var candidates = new Candidates { Any = _any };
        var words = 0;
        for (var i = 0; i < text.Length && words < MaxWords; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
                continue;
            if (_lookup.TryGetValue(text.AsSpan(0, i + 1), out var bucket))
                candidates.Set(words, bucket);
            words++;
        }
        return candidates;
    }

    /// <summary>Up to four candidate arrays: the unindexed definitions and one bucket per leading word count.</summary>
    internal struct Candidates
    {
        public StepBinding[] Any;
        public StepBinding[]? OneWord;
        public StepBinding[]? TwoWords;
        public StepBinding[]? ThreeWords;

        public const int Count = 4;

        public readonly StepBinding[]? this[int index] => index switch
        {
            0 => Any,
            1 => OneWord,
            2 => TwoWords,
            _ => ThreeWords,
        };

        public void Set(int words, StepBinding[] bucket)
        {
            switch (words)
            {
                case 0: OneWord = bucket; break;
                case 1: TwoWords = bucket; break;
                default: ThreeWords = bucket; break;
            }
        }
    }
}
