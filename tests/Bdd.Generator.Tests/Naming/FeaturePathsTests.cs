using Bdd.Generator.Naming;
using FluentAssertions;
using Xunit;

namespace Bdd.Generator.Tests.Naming;

public class FeaturePathsTests
{
    [Theory]
    [InlineData("/repo/features/supervision/drain.feature", "features/supervision/drain.feature", "Supervision")]
    [InlineData(@"C:\repo\features\circuit-breaker\deep\breaker.feature", "features/circuit-breaker/deep/breaker.feature", "CircuitBreaker.Deep")]
    [InlineData("/repo/features/drain.feature", "features/drain.feature", "")]
    [InlineData("/features/repo/features/a/x.feature", "features/a/x.feature", "A")]
    public void Describe_PathUnderFeaturesFolder_UriFromFeaturesAndFolderSegments(string path, string uri, string segments)
    {
        var (actualUri, actualSegments) = FeaturePaths.Describe(path);

        actualUri.Should().Be(uri);
        string.Join(".", actualSegments).Should().Be(segments);
    }

    [Fact]
    public void Describe_PathOutsideFeaturesFolder_UriIsFileName()
        => FeaturePaths.Describe("/repo/specs/drain.feature").Uri.Should().Be("drain.feature");
}
