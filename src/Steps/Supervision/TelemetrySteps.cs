using System.Globalization;
using FluentAssertions;
using Reqnroll;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>The instruments an operator's dashboard reads: names, kinds, units, help texts and advised buckets.</summary>
[Binding]
public sealed class TelemetrySteps(TelemetryDriver telemetry)
{
    [Given("the runtime supervises pool {word}: its engines, restart policy, drains and reloads")]
    public void GivenTheRuntimeSupervises(string pool) => telemetry.Supervise(pool);

    [When("the operator's dashboard reads the runtime's instruments")]
    public void WhenTheDashboardReads() => telemetry.Read();

    [Then("the dashboard shows {word} as the {word} {word}, in {word}")]
    public void ThenTheDashboardShows(string instrument, string kind, string prometheusName, string unit)
    {
        var published = Published(instrument);
        new { published.Kind, published.PrometheusName, published.Unit }
            .Should().Be(new { Kind = kind, PrometheusName = prometheusName, Unit = (string?)unit }, $"{instrument} should be a {kind} in {unit}, shown as {prometheusName}");
    }

    [Then("the help of {word} says {string}")]
    public void ThenItsHelpSays(string instrument, string description) =>
        Published(instrument).Description.Should().Be(description, $"the help of {instrument} should say what it measures");

    [Then(@"^(\S+) sorts durations into buckets ending at (.+) seconds$")]
    public void ThenItSortsIntoBuckets(string instrument, string boundaries) =>
        Published(instrument).Buckets.Should().Equal(
            boundaries.Replace(" and ", ", ", StringComparison.Ordinal).Split(", ").Select(b => double.Parse(b, CultureInfo.InvariantCulture)),
            $"{instrument} should advise its buckets in seconds, from {boundaries}");

    private PublishedInstrument Published(string instrument)
    {
        var all = telemetry.Shown;
        all.Should().ContainKey(instrument, $"the runtime should publish {instrument}");
        return all[instrument];
    }
}
