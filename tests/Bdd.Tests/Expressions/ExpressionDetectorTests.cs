using Bdd.Expressions;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Expressions;

public class ExpressionDetectorTests
{
    [Theory]
    [InlineData("^the pool is ready", true)]
    [InlineData("the pool is ready$", true)]
    [InlineData("the pool (.*) is ready", true)]
    [InlineData(@"the pool has (\d+) slots", true)]
    [InlineData(@"the load is (\d+\.\d+)", true)]
    [InlineData(@"version 1\.2", true)]
    [InlineData(@"count \d+ items", true)]
    [InlineData("any .* text", true)]
    [InlineData(@"a \w word", false)]
    [InlineData("pool [a-z] drains", false)]
    [InlineData("the pool is ready", false)]
    [InlineData("the pool {string} has {int} slots", false)]
    [InlineData("{int} lease(s)", false)]
    [InlineData("a (.*) regex with a {int} parameter", false)]
    [InlineData("ready/healthy", false)]
    public void IsRegularExpression_FollowsReqnrollsRule(string expression, bool isRegex)
        => ExpressionDetector.IsRegularExpression(expression).Should().Be(isRegex);
}
