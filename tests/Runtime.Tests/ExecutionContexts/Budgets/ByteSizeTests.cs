using FluentAssertions;
using Runtime.ExecutionContexts.Budgets;
using Xunit;

namespace Runtime.Tests.ExecutionContexts.Budgets;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData(1073741824L, "1 GiB")]
    [InlineData(536870912L, "512 MiB")]
    [InlineData(2048L, "2 KiB")]
    [InlineData(1073741825L, "1073741825 bytes")]
    [InlineData(1L, "1 byte")]
    [InlineData(0L, "0 bytes")]
    public void Format_ExactSizes_UseTheLargestExactUnit(long bytes, string expected) =>
        ByteSize.Format(bytes).Should().Be(expected);
}
