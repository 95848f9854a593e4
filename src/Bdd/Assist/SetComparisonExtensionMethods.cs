using System.Reflection;

namespace Bdd.Assist;

/// <summary>Compares a collection with a table, one row per item.</summary>
public static class SetComparisonExtensionMethods
{
    /// <summary>
    /// Throws <see cref="ComparisonException"/> unless every row matches exactly one item and every item one row
    /// (in order when <paramref name="sequentialEquality"/>). Only the table's columns are compared. The message
    /// is the table with unmatched rows prefixed by <c>-</c> and unmatched items appended prefixed by <c>+</c>.
    /// </summary>
    public static void CompareToSet<T>(this DataTable table, IEnumerable<T> set, bool sequentialEquality = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(set);
        var items = set.ToList();
        var members = TableMembers.Readable(typeof(T));
        var columns = new MemberInfo[table.Header.Count];
        var missing = new List<string>();
        for (var c = 0; c < columns.Length; c++)
        {
            if (members.TryGetValue(TableMembers.Normalize(table.Header[c]), out var member))
                columns[c] = member;
            else
                missing.Add(table.Header[c]);
        }
        if (missing.Count > 0)
            throw new ComparisonException($"The following fields do not exist on {typeof(T).Name}:\n{string.Join("\n", missing)}");

        var itemMatched = new bool[items.Count];
        var rowMatched = new bool[table.RowCount];
        for (var r = 0; r < table.RowCount; r++)
        {
            if (sequentialEquality)
            {
                if (r < items.Count && RowMatches(table, r, columns, items[r]))
                    rowMatched[r] = itemMatched[r] = true;
                continue;
            }
            for (var i = 0; i < items.Count; i++)
            {
                if (!itemMatched[i] && RowMatches(table, r, columns, items[i]))
                {
                    rowMatched[r] = itemMatched[i] = true;
                    break;
                }
            }
        }
        if (Array.TrueForAll(rowMatched, m => m) && Array.TrueForAll(itemMatched, m => m))
            return;

        var diff = new DataTable([.. table.Header]);
        var prefixes = new List<string>();
        for (var r = 0; r < table.RowCount; r++)
        {
            diff.AddRow([.. table.Rows[r].Values]);
            prefixes.Add(rowMatched[r] ? "  " : "- ");
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (itemMatched[i])
                continue;
            var cells = new string[columns.Length];
            for (var c = 0; c < columns.Length; c++)
                cells[c] = ValueComparer.Format(TableMembers.GetValue(columns[c], items[i]!), table.Culture);
            diff.AddRow(cells);
            prefixes.Add("+ ");
        }
        var header = sequentialEquality ? "The table and the set are not equal (in order)" : "The table and the set are not equal";
        throw new ComparisonException($"{header}: '-' = expected row not found, '+' = unexpected item.\n"
            + diff.ToString("  ", r => prefixes[r]).TrimEnd('\n'));
    }

    private static bool RowMatches<T>(DataTable table, int row, MemberInfo[] columns, T item)
    {
        if (item is null)
            return false;
        for (var c = 0; c < columns.Length; c++)
        {
            var actual = TableMembers.GetValue(columns[c], item);
            if (!ValueComparer.AreEqual(table.Rows[row][c], actual, TableMembers.MemberType(columns[c]), table.Culture))
                return false;
        }
        return true;
    }
}
