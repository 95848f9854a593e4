namespace Runtime.ExecutionContexts.Backends;

/// <summary>The exception a <see cref="ScriptedBackend"/> throws when scripted to fail with <see cref="BackendFailureMode.Exception"/>.</summary>
public sealed class ScriptedBackendException(string message) : Exception(message);
