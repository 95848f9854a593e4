using CsCheck;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Properties;

/// <summary>
/// Property (CsCheck): whatever public calls are made on ready pools, in any order and from several clients at once
/// (drains in each mode, reloads, leases, crashes, operator resets, the clock moving), once every call has returned no
/// pool is left Draining or Reloading with no drain or reload running, and no lease is leaked or counted below zero
/// (issue 22, part 3). A failure prints the CsCheck seed and the calls.
/// </summary>
public sealed class PoolOperationProperties
{
    [Fact]
    public async Task AnySequenceOfPublicCalls_LeavesNoPoolDrainingOrReloadingWithNothingRunning_AndNoLeaseLeaked()
    {
        using var endpoint = new HealthyLoopbackEndpoint();

        await PoolOperation.Sequences.SampleAsync(
            async sequence =>
            {
                using var world = new PoolWorld(endpoint.Uri, sequence.Pools);
                var violations = await world.RunAsync(sequence.Operations);
                if (violations.Count > 0)
                {
                    throw new InvalidOperationException(string.Join("; ", violations));
                }
            },
            iter: 300,
            threads: 1,
            print: sequence => $"{sequence.Pools} pools: {string.Join(", ", sequence.Operations)}");
    }
}
