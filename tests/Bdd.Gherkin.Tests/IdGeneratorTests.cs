using FluentAssertions;
using Xunit;

namespace Bdd.Gherkin.Tests;

public class IdGeneratorTests
{
    [Fact]
    public void IncrementingIdGenerator_NewId_CountsFromZero()
    {
        var ids = new IncrementingIdGenerator();

        new[] { ids.NewId(), ids.NewId(), ids.NewId() }.Should().Equal("0", "1", "2");
    }

    [Fact]
    public void IncrementingIdGenerator_ConcurrentCalls_NeverRepeat()
    {
        var ids = new IncrementingIdGenerator();

        var all = Enumerable.Range(0, 8).AsParallel().SelectMany(_ => Enumerable.Range(0, 1000).Select(_ => ids.NewId()).ToList()).ToList();

        all.Should().OnlyHaveUniqueItems().And.HaveCount(8000);
        all.Select(int.Parse).Max().Should().Be(7999);
    }

    [Fact]
    public void GuidIdGenerator_NewId_IsAUniqueUuid()
    {
        var ids = new GuidIdGenerator();

        var first = ids.NewId();

        Guid.TryParse(first, out _).Should().BeTrue();
        ids.NewId().Should().NotBe(first);
    }
}
