using Microsoft.Extensions.Logging;

namespace Runtime.Supervision.Pools;

/// <summary>Structured log events of the pool registry.</summary>
internal static partial class PoolLog
{
    /// <summary>A state change could not be saved: it holds in memory, and the next save that succeeds writes it.</summary>
    [LoggerMessage(EventId = 1401, EventName = "StateSaveFailed", Level = LogLevel.Error, Message = "Could not save the pool state file {Path} after a change of pool {PoolId}: {Error}; the change holds in memory and is saved with the next one")]
    public static partial void SaveFailed(ILogger logger, string path, string poolId, string error);
}
