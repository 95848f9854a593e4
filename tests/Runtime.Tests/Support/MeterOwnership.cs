using System.Diagnostics.Metrics;

namespace Runtime.Tests.Support;

/// <summary>
/// What a component does with the meter it measures on: the instruments it publishes, and how many of them end when it
/// is disposed. Instruments are published on the thread that creates them, so only this test's are counted, whatever
/// runs in parallel.
/// </summary>
internal static class MeterOwnership
{
    /// <summary>The name, unit and description of each instrument <paramref name="create"/> publishes, by name.</summary>
    public static IReadOnlyDictionary<string, (string? Unit, string? Description)> Instruments(Func<IDisposable> create)
    {
        var (instruments, _) = Observe(create);
        return instruments.ToDictionary(i => i.Name, i => (i.Unit, i.Description));
    }

    /// <summary>How many instruments <paramref name="create"/> published, and how many ended when its result was disposed.</summary>
    public static (int Published, int EndedOnDispose) EndedOnDispose(Func<IDisposable> create)
    {
        var (instruments, ended) = Observe(create);
        return (instruments.Count, ended);
    }

    private static (List<Instrument> Instruments, int Ended) Observe(Func<IDisposable> create)
    {
        var thread = Environment.CurrentManagedThreadId;
        var mine = new List<Instrument>();
        var listening = false;
        var ended = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (Volatile.Read(ref listening) && Environment.CurrentManagedThreadId == thread)
                {
                    lock (mine)
                    {
                        mine.Add(instrument);
                    }

                    l.EnableMeasurementEvents(instrument);
                }
            },
            MeasurementsCompleted = (instrument, _) =>
            {
                lock (mine)
                {
                    if (mine.Contains(instrument))
                    {
                        ended++;
                    }
                }
            },
        };
        listener.Start();
        Volatile.Write(ref listening, true);
        var component = create();
        Volatile.Write(ref listening, false);
        component.Dispose();
        lock (mine)
        {
            return ([.. mine], ended);
        }
    }
}
