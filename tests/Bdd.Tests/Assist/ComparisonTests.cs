using Bdd.Assist;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Assist;

public class ComparisonTests
{
    private static DataTable Table(string[] header, params string[][] rows)
    {
        var table = new DataTable(header);
        foreach (var row in rows)
            table.AddRow(row);
        return table;
    }

    private static readonly PoolRow[] Pools =
    [
        new() { PoolName = "gpu-0", MaxLeases = 4 },
        new() { PoolName = "gpu-1", MaxLeases = 2 },
    ];

    [Fact]
    public void CompareToInstance_AllFieldsEqual_DoesNotThrow()
        => FluentActions.Invoking(() => Table(["Field", "Value"], ["Pool name", "gpu-0"], ["Max leases", "4"]).CompareToInstance(Pools[0]))
            .Should().NotThrow();

    [Fact]
    public void CompareToInstance_FieldDiffers_ListsExpectedAndActual()
        => FluentActions.Invoking(() => Table(["Field", "Value"], ["Pool name", "gpu-0"], ["Max leases", "5"]).CompareToInstance(Pools[0]))
            .Should().Throw<ComparisonException>().WithMessage("*Max leases: Expected <5>, Actual <4>*");

    [Fact]
    public void CompareToInstance_UnknownField_ListsIt()
        => FluentActions.Invoking(() => Table(["Field", "Value"], ["Color", "red"], ["Pool name", "gpu-0"]).CompareToInstance(Pools[0]))
            .Should().Throw<ComparisonException>().WithMessage("*do not exist*Color*");

    [Fact]
    public void CompareToSet_SameItemsAnyOrder_DoesNotThrow()
        => FluentActions.Invoking(() => Table(["Pool name", "Max leases"], ["gpu-1", "2"], ["gpu-0", "4"]).CompareToSet(Pools))
            .Should().NotThrow();

    [Fact]
    public void CompareToSet_SequentialWithOtherOrder_Throws()
        => FluentActions.Invoking(() => Table(["Pool name", "Max leases"], ["gpu-1", "2"], ["gpu-0", "4"]).CompareToSet(Pools, sequentialEquality: true))
            .Should().Throw<ComparisonException>();

    [Fact]
    public void CompareToSet_Differences_ShowsMinusForMissingRowsAndPlusForExtraItems()
    {
        var act = () => Table(["Pool name", "Max leases"], ["gpu-0", "4"], ["gpu-9", "1"]).CompareToSet(Pools);
        var message = act.Should().Throw<ComparisonException>().Which.Message;
        message.Should().Contain("  | Pool name | Max leases |");
        message.Should().Contain("  | gpu-0     | 4          |");
        message.Should().Contain("- | gpu-9     | 1          |");
        message.Should().Contain("+ | gpu-1     | 2          |");
    }
}
