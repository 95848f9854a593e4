using System.Collections;
using Bdd.Conversion;

namespace Bdd;

/// <summary>
/// One body row of a <see cref="DataTable"/>: a dictionary from column name (ignoring case) to cell text,
/// ordered like the header, plus typed getters converting with the table's culture.
/// </summary>
public class DataTableRow : IDictionary<string, string>
{
    private readonly DataTable _table;
    private readonly string[] _cells;

    internal DataTableRow(DataTable table, string[] cells)
    {
        _table = table;
        _cells = cells;
    }

    /// <summary>The cell of a column; an unknown column throws <see cref="KeyNotFoundException"/> naming the columns.</summary>
    public string this[string header]
    {
        get => _cells[IndexOf(header)];
        set => _cells[IndexOf(header)] = value;
    }

    /// <summary>The cell at a 0-based column position.</summary>
    public string this[int index] => _cells[index];

    /// <summary>The column names.</summary>
    public ICollection<string> Keys => [.. _table.Header];

    /// <summary>The cells in column order.</summary>
    public ICollection<string> Values => [.. _cells];

    /// <summary>The number of cells.</summary>
    public int Count => _cells.Length;

    bool ICollection<KeyValuePair<string, string>>.IsReadOnly => false;

    /// <summary>The cell text.</summary>
    public string GetString(string column) => this[column];

    /// <summary>The cell as int.</summary>
    public int GetInt32(string column) => Get<int>(column);

    /// <summary>The cell as long.</summary>
    public long GetInt64(string column) => Get<long>(column);

    /// <summary>The cell as double.</summary>
    public double GetDouble(string column) => Get<double>(column);

    /// <summary>The cell as decimal.</summary>
    public decimal GetDecimal(string column) => Get<decimal>(column);

    /// <summary>The cell as bool.</summary>
    public bool GetBoolean(string column) => Get<bool>(column);

    /// <summary>The cell as DateTime.</summary>
    public DateTime GetDateTime(string column) => Get<DateTime>(column);

    /// <summary>The cell as Guid.</summary>
    public Guid GetGuid(string column) => Get<Guid>(column);

    /// <summary>The cell as an enum member (name ignoring case and spaces).</summary>
    public T GetEnum<T>(string column) where T : struct, Enum => Get<T>(column);

    /// <summary>The cell converted to <typeparamref name="T"/> with the table's culture.</summary>
    public T Get<T>(string column) => (T)ValueConverter.Convert(this[column], typeof(T), _table.Culture)!;

    /// <summary>true when the column exists.</summary>
    public bool ContainsKey(string key) => _table.IndexOfColumn(key) >= 0;

    /// <summary>The cell when the column exists.</summary>
    public bool TryGetValue(string key, out string value)
    {
        var index = _table.IndexOfColumn(key);
        value = index >= 0 ? _cells[index] : string.Empty;
        return index >= 0;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _cells.Length; i++)
            yield return new KeyValuePair<string, string>(_table.Header[i], _cells[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void IDictionary<string, string>.Add(string key, string value) => throw new NotSupportedException("A table row has a fixed set of columns.");

    bool IDictionary<string, string>.Remove(string key) => throw new NotSupportedException("A table row has a fixed set of columns.");

    void ICollection<KeyValuePair<string, string>>.Add(KeyValuePair<string, string> item) => throw new NotSupportedException("A table row has a fixed set of columns.");

    void ICollection<KeyValuePair<string, string>>.Clear() => throw new NotSupportedException("A table row has a fixed set of columns.");

    bool ICollection<KeyValuePair<string, string>>.Contains(KeyValuePair<string, string> item)
        => TryGetValue(item.Key, out var value) && value == item.Value;

    void ICollection<KeyValuePair<string, string>>.CopyTo(KeyValuePair<string, string>[] array, int arrayIndex)
    {
        foreach (var pair in this)
            array[arrayIndex++] = pair;
    }

    bool ICollection<KeyValuePair<string, string>>.Remove(KeyValuePair<string, string> item) => throw new NotSupportedException("A table row has a fixed set of columns.");

    private int IndexOf(string header)
    {
        var index = _table.IndexOfColumn(header);
        if (index < 0)
            throw new KeyNotFoundException($"The table has no column '{header}'; its columns are: {string.Join(", ", _table.Header)}.");
        return index;
    }
}
