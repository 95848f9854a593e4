namespace Runtime.ExecutionContexts.Backends;

/// <summary>How a <see cref="ScriptedBackend"/> fails.</summary>
public enum BackendFailureMode
{
    /// <summary>Answers <see cref="BackendResult.Failure"/> (the default).</summary>
    ErrorResult = 0,

    /// <summary>Throws a <see cref="ScriptedBackendException"/>.</summary>
    Exception,
}
