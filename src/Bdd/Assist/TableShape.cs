namespace Bdd.Assist;

/// <summary>
/// Reads a table as field → value pairs for one instance, like Reqnroll: a vertical table (two columns
/// headed Field/Property/Name and Value, or any two-column table whose row count is not 1) lists one
/// field per row; otherwise the first body row holds the values under the header.
/// </summary>
internal static class TableShape
{
    public static List<KeyValuePair<string, string>> InstanceValues(DataTable table)
    {
        var values = new List<KeyValuePair<string, string>>();
        if (IsVertical(table))
        {
            foreach (var row in table.Rows)
                values.Add(new(row[0], row[1]));
            return values;
        }
        if (table.RowCount == 0)
            return values;
        for (var c = 0; c < table.Header.Count; c++)
            values.Add(new(table.Header[c], table.Rows[0][c]));
        return values;
    }

    public static bool IsVertical(DataTable table)
    {
        if (table.Header.Count != 2)
            return false;
        var first = table.Header[0];
        var isFieldValueHeader = (first.Equals("Field", StringComparison.OrdinalIgnoreCase)
                || first.Equals("Property", StringComparison.OrdinalIgnoreCase)
                || first.Equals("Name", StringComparison.OrdinalIgnoreCase))
            && table.Header[1].Equals("Value", StringComparison.OrdinalIgnoreCase);
        return isFieldValueHeader || table.RowCount != 1;
    }
}
