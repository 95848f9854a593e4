using System.Collections;

namespace Bdd;

/// <summary>The body rows of a <see cref="DataTable"/>, indexable by position.</summary>
public sealed class DataTableRows : IReadOnlyList<DataTableRow>
{
    private readonly List<DataTableRow> _rows;

    internal DataTableRows(List<DataTableRow> rows) => _rows = rows;

    /// <summary>The row at a 0-based position.</summary>
    public DataTableRow this[int index] => _rows[index];

    /// <summary>The number of rows.</summary>
    public int Count => _rows.Count;

    /// <inheritdoc />
    public IEnumerator<DataTableRow> GetEnumerator() => _rows.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
