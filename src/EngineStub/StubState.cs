namespace EngineStub;

/// <summary>Health flags shared by the timers and the HTTP responder.</summary>
internal sealed class StubState
{
    private volatile bool _healthy;
    private volatile bool _hung;

    public bool IsHealthy => _healthy;

    public bool IsHung => _hung;

    public void BecomeHealthy() => _healthy = true;

    public void Hang() => _hung = true;
}
