using System.Text;

namespace Bdd.Assist;

/// <summary>Compares an object with a vertical (Field | Value) or single-row table.</summary>
public static class InstanceComparisonExtensionMethods
{
    /// <summary>
    /// Throws <see cref="ComparisonException"/> listing every differing field as
    /// "Field: Expected &lt;x&gt;, Actual &lt;y&gt;" and every column without a member of <typeparamref name="T"/>.
    /// </summary>
    public static void CompareToInstance<T>(this DataTable table, T instance)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (instance is null)
            throw new ComparisonException("The actual instance is null.");

        var members = TableMembers.Readable(instance.GetType());
        var missing = new List<string>();
        var differences = new StringBuilder();
        foreach (var (field, expected) in TableShape.InstanceValues(table))
        {
            if (!members.TryGetValue(TableMembers.Normalize(field), out var member))
            {
                missing.Add(field);
                continue;
            }
            var actual = TableMembers.GetValue(member, instance);
            if (!ValueComparer.AreEqual(expected, actual, TableMembers.MemberType(member), table.Culture))
                differences.Append(field).Append(": Expected <").Append(expected).Append(">, Actual <").Append(ValueComparer.Format(actual, table.Culture)).Append(">\n");
        }
        if (missing.Count > 0)
            throw new ComparisonException($"The following fields do not exist on {typeof(T).Name}:\n{string.Join("\n", missing)}");
        if (differences.Length > 0)
            throw new ComparisonException("The following fields did not match:\n" + differences.ToString().TrimEnd('\n'));
    }
}
