namespace LivingDoc.Model;

/// <summary>
/// What the page's header says of the run: the commit and branch (when known), when it started and finished, and the
/// versions of .NET and Reqnroll it ran on (from the messages' <c>meta</c>).
/// </summary>
internal sealed record RunInfo(string? Commit, string? Branch, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? DotNet, string? Reqnroll)
{
    public static RunInfo None { get; } = new(null, null, null, null, null, null);

    /// <summary>From the start to the finish of the run, when both are known.</summary>
    public TimeSpan? Duration => StartedAt is { } start && FinishedAt is { } end ? end - start : null;
}
