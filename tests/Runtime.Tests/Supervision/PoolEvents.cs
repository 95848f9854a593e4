using Runtime.Supervision.Pools;

namespace Runtime.Tests.Supervision;

/// <summary>Awaits a pool condition from its <see cref="Pool.Changed"/> events (no polling), with a safety bound.</summary>
internal static class PoolEvents
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    public static async Task<PoolSnapshot> WaitFor(Pool pool, Func<PoolSnapshot, bool> condition)
    {
        var reached = new TaskCompletionSource<PoolSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(object? sender, PoolSnapshot s)
        {
            if (condition(s))
            {
                reached.TrySetResult(s);
            }
        }

        pool.Changed += OnChanged;
        try
        {
            var now = pool.Snapshot();
            if (condition(now))
            {
                return now;
            }

            return await reached.Task.WaitAsync(Bound);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"pool {pool.Id} did not reach the expected state within {Bound.TotalSeconds} s; it is {pool.Snapshot()}");
        }
        finally
        {
            pool.Changed -= OnChanged;
        }
    }

    public static Task<PoolSnapshot> WaitForState(Pool pool, PoolState state) => WaitFor(pool, s => s.State == state);
}
