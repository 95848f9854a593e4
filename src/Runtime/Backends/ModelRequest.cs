namespace Runtime.Backends;

/// <summary>One request to a model: its input and the working memory it needs while it runs.</summary>
/// <param name="Input">The prompt or payload; passed to the backend as is.</param>
/// <param name="MemoryBytes">Working memory in bytes, reserved from the context's budget for the duration of the request; 0 (default) reserves none.</param>
public readonly record struct ModelRequest(string Input, long MemoryBytes = 0);
