using System.Globalization;
using System.Text;

namespace Bdd;

/// <summary>
/// A Gherkin data table passed to a step as its last parameter: the first row is the <see cref="Header"/>,
/// the others are <see cref="Rows"/> (<c>table.Rows[0]["name"]</c>). Column names are compared ignoring case.
/// See Bdd.Assist for CreateInstance/CreateSet/CompareToInstance/CompareToSet.
/// </summary>
public class DataTable
{
    private readonly List<string> _header;
    private readonly List<DataTableRow> _rows = [];

    /// <summary>An empty table with the given column names (at least one; names unique ignoring case).</summary>
    public DataTable(params string[] header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (header.Length == 0)
            throw new ArgumentException("A table needs at least one column.", nameof(header));
        _header = [.. header];
        Rows = new DataTableRows(_rows);
    }

    /// <summary>The column names in order.</summary>
    public IReadOnlyList<string> Header => _header;

    /// <summary>The body rows (header excluded).</summary>
    public DataTableRows Rows { get; }

    /// <summary>The number of body rows.</summary>
    public int RowCount => _rows.Count;

    /// <summary>The culture converting cell values (the binding culture for step arguments; en-US otherwise).</summary>
    public CultureInfo Culture { get; set; } = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Appends a row; missing trailing cells are empty, extra cells throw.</summary>
    public DataTableRow AddRow(params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length > _header.Count)
            throw new ArgumentException($"The row has {values.Length} cells but the table has {_header.Count} columns.", nameof(values));
        var cells = new string[_header.Count];
        for (var i = 0; i < cells.Length; i++)
            cells[i] = i < values.Length ? values[i] : string.Empty;
        var row = new DataTableRow(this, cells);
        _rows.Add(row);
        return row;
    }

    /// <summary>Appends a row from column name → value pairs (absent columns are empty).</summary>
    public DataTableRow AddRow(IDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var cells = new string[_header.Count];
        for (var i = 0; i < cells.Length; i++)
            cells[i] = values.TryGetValue(_header[i], out var v) ? v : string.Empty;
        return AddRow(cells);
    }

    /// <summary>true when a column has this name (ignoring case).</summary>
    public bool ContainsColumn(string column) => IndexOfColumn(column) >= 0;

    /// <summary>Renames a column; false when it does not exist.</summary>
    public bool RenameColumn(string oldColumn, string newColumn)
    {
        var index = IndexOfColumn(oldColumn);
        if (index < 0)
            return false;
        _header[index] = newColumn;
        return true;
    }

    /// <summary>The column index of a name (ignoring case), or -1.</summary>
    public int IndexOfColumn(string column)
    {
        for (var i = 0; i < _header.Count; i++)
        {
            if (string.Equals(_header[i], column, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return -1;
    }

    /// <summary>The table in Gherkin form, columns aligned.</summary>
    public override string ToString() => ToString(headerPrefix: "", rowPrefix: _ => "");

    internal string ToString(string headerPrefix, Func<int, string> rowPrefix)
    {
        var widths = new int[_header.Count];
        for (var c = 0; c < widths.Length; c++)
        {
            widths[c] = _header[c].Length;
            foreach (var row in _rows)
                widths[c] = Math.Max(widths[c], row[c].Length);
        }
        var builder = new StringBuilder();
        AppendLine(builder, headerPrefix, _header, widths);
        for (var r = 0; r < _rows.Count; r++)
            AppendLine(builder, rowPrefix(r), _rows[r].Values.ToList(), widths);
        return builder.ToString();
    }

    private static void AppendLine(StringBuilder builder, string prefix, IReadOnlyList<string> cells, int[] widths)
    {
        builder.Append(prefix).Append('|');
        for (var c = 0; c < widths.Length; c++)
            builder.Append(' ').Append(cells[c].PadRight(widths[c])).Append(" |");
        builder.Append('\n');
    }
}

/// <summary>Reqnroll 1.x/SpecFlow name of <see cref="DataTable"/>; a step parameter of this type receives a Table.</summary>
public class Table : DataTable
{
    /// <summary>An empty table with the given column names.</summary>
    public Table(params string[] header) : base(header) { }
}
