using System.Collections.Concurrent;

namespace Steps.Drivers;

/// <summary>
/// The threads of a race run round after round: one thread per party, each running its party's action of the round,
/// all released together by a barrier. The threads live as long as this object, so a round creates none: creating a
/// thread blocks until it has started, about a millisecond on a loaded 2-core machine, seconds over a thousand rounds.
/// Disposal ends the threads once the actions queued have run.
/// </summary>
public sealed class RaceThreads : IDisposable
{
    private readonly BlockingCollection<Action>[] _work;
    private readonly Thread[] _threads;
    private readonly Barrier _start;

    /// <summary>Starts one thread per party.</summary>
    public RaceThreads(int parties)
    {
        _start = new Barrier(parties);
        _work = Enumerable.Range(0, parties).Select(_ => new BlockingCollection<Action>()).ToArray();
        _threads = Enumerable.Range(0, parties).Select(party => new Thread(() => Serve(party)) { IsBackground = true, Name = $"race party {party}" }).ToArray();
        Array.ForEach(_threads, t => t.Start());
    }

    /// <summary>
    /// Queues <paramref name="action"/> as the next action of <paramref name="party"/>: it runs on that party's thread
    /// once every party has its action of the round. The task completes with its result, or faults with what it threw.
    /// </summary>
    public Task<T> Run<T>(int party, Func<T> action)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work[party].Add(() =>
        {
            try
            {
                done.SetResult(action());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        });
        return done.Task;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Array.ForEach(_work, w => w.CompleteAdding());
        Array.ForEach(_threads, t => t.Join());
        Array.ForEach(_work, w => w.Dispose());
        _start.Dispose();
    }

    private void Serve(int party)
    {
        foreach (var action in _work[party].GetConsumingEnumerable())
        {
            _start.SignalAndWait();
            action();
        }
    }
}
