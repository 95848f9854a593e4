namespace Bdd.Assist;

/// <summary>
/// A table comparison failed. The message is a readable diff: for sets, the table with matched rows
/// prefixed by two spaces, expected rows not found by <c>-</c> and unexpected actual items by <c>+</c>;
/// for instances, one line per differing field.
/// </summary>
public sealed class ComparisonException : Exception
{
    /// <summary>With the diff as message.</summary>
    public ComparisonException(string message) : base(message) { }
}
