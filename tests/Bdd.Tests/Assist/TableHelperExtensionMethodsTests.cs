using System.Globalization;
using Bdd.Assist;
using Bdd.Tests.Conversion;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Assist;

public sealed class PoolRow
{
    public string PoolName { get; set; } = "";
    public int MaxLeases { get; set; }
    public double Load { get; set; }
    public CrashReason? LastCrash { get; set; }
    public TimeSpan Drain { get; set; }
}

public sealed record ModelRecord(string Name, int Size, bool Quantized = false);

public class TableHelperExtensionMethodsTests
{
    private static DataTable Table(string[] header, params string[][] rows)
    {
        var table = new DataTable(header);
        foreach (var row in rows)
            table.AddRow(row);
        return table;
    }

    [Fact]
    public void CreateInstance_VerticalFieldValueTable_MapsCaseAndSpaceInsensitively()
    {
        var table = Table(["Field", "Value"], ["pool name", "gpu-0"], ["Max_Leases", "4"], ["LOAD", "0.75"], ["Last crash", "segfault"], ["Drain", "00:00:30"]);
        var pool = table.CreateInstance<PoolRow>();
        pool.PoolName.Should().Be("gpu-0");
        pool.MaxLeases.Should().Be(4);
        pool.Load.Should().Be(0.75);
        pool.LastCrash.Should().Be(CrashReason.Segfault);
        pool.Drain.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void CreateInstance_HorizontalSingleRow_UsesHeaderAsFields()
    {
        var pool = Table(["Pool Name", "Max Leases", "Last Crash"], ["gpu-1", "2", ""]).CreateInstance<PoolRow>();
        pool.PoolName.Should().Be("gpu-1");
        pool.MaxLeases.Should().Be(2);
        pool.LastCrash.Should().BeNull();
    }

    [Fact]
    public void CreateInstance_RecordWithoutParameterlessConstructor_UsesConstructor()
    {
        var model = Table(["Field", "Value"], ["name", "llama-7b"], ["size", "7"]).CreateInstance<ModelRecord>();
        model.Should().Be(new ModelRecord("llama-7b", 7));
    }

    [Fact]
    public void CreateSet_RowsWithTableCulture_ConvertsEachRow()
    {
        var table = Table(["Pool name", "Load"], ["gpu-0", "0,5"], ["gpu-1", "1,25"]);
        table.Culture = CultureInfo.GetCultureInfo("de-DE");
        table.CreateSet<PoolRow>().Select(p => (p.PoolName, p.Load)).Should().Equal(("gpu-0", 0.5), ("gpu-1", 1.25));
    }

    [Fact]
    public void CreateSet_BadCell_ThrowsNamingTheColumn()
        => FluentActions.Invoking(() => Table(["Pool name", "Max leases"], ["gpu-0", "many"]).CreateSet<PoolRow>().ToList())
            .Should().Throw<FormatException>().WithMessage("*MaxLeases*many*");

    [Fact]
    public void Rows_IndexerByColumnName_IgnoresCaseAndNamesColumnsWhenUnknown()
    {
        var table = Table(["name", "size"], ["gpu-0", "4"]);
        table.Rows[0]["Name"].Should().Be("gpu-0");
        table.Rows[0].GetInt32("size").Should().Be(4);
        FluentActions.Invoking(() => table.Rows[0]["color"]).Should().Throw<KeyNotFoundException>().WithMessage("*'color'*name, size*");
    }
}
