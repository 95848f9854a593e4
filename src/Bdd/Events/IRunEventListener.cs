namespace Bdd.Events;

/// <summary>
/// Receives the run's events (shaped after Cucumber Messages) in the order they happen for one test
/// case. Events of concurrently running scenarios interleave: implementations must be thread-safe.
/// An exception thrown by a listener is written to Console.Error and does not fail the scenario.
/// </summary>
public interface IRunEventListener
{
    /// <summary>Called for every event of the run.</summary>
    void OnEvent(RunEvent runEvent);
}
