namespace ManagerHost.Probes;

/// <summary>The body of <c>/healthz</c>: whether the manager runs.</summary>
public sealed record LiveView(bool Live);

/// <summary>The body of <c>/readyz</c>: whether the manager is ready, and the state of each configured pool.</summary>
public sealed record ReadyView(bool Ready, IReadOnlyDictionary<string, string> Pools);
