using FluentAssertions;
using Reqnroll;
using Runtime.Supervision.Pools;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>Clients sending requests through leases to a real engine while its pool is reloaded.</summary>
[Binding]
public sealed class LoadSteps(LoadDriver load)
{
    [Given("{int} clients send requests to pool {word}, each through a lease")]
    public void ClientsSend(int clients, string pool) => load.Start(clients, pool);

    [Given("every client has been served {int} times")]
    public Task ClientsServed(int times) => load.ServedAsync(times);

    [When("the operator reloads pool {word} with engine version {word} while they send")]
    public Task ReloadUnderLoad(string pool, string version) => load.ReloadWhileSendingAsync(pool, version, after: 5);

    [Then("no request was lost: each was served, or refused while the pool was draining or reloading, to be retried")]
    public void NothingLost()
    {
        var attempts = load.Attempts.ToList();
        attempts.Where(a => a.Lost).Select(a => $"client {a.Client}: {a.Error}").Should().BeEmpty("a request holding a lease must be served");
        attempts.Where(a => !a.Served && !a.DuringReload).Select(a => $"client {a.Client}: {a.Refusal}")
            .Should().BeEmpty("a request is refused only while the pool is draining or reloading");
        attempts.Where(a => !a.Served).Select(a => a.Refusal).Distinct()
            .Should().BeSubsetOf([LeaseRefusal.Draining, LeaseRefusal.NotReady], "while draining a lease is refused as draining, while reloading as not ready");
        attempts.Should().Contain(a => a.Refusal == LeaseRefusal.Draining, "the load should have met the drain");
    }

    [Then("every request leased after the reload was served by engine version {word}")]
    public void ServedByNewVersion(string version)
    {
        var after = load.Attempts.Where(a => a.AfterReload && a.Served).ToList();
        after.Should().NotBeEmpty();
        after.Select(a => a.Version).Distinct().Should().Equal([version], "once the reload has completed only the new engine serves");
    }

    [Then("requests were served by engine version {word} before it")]
    public void ServedByOldVersion(string version) =>
        load.Attempts.Where(a => !a.AfterReload && a.Served).Select(a => a.Version).Should().Contain(version, "the clients were served by the old engine before the reload");
}
