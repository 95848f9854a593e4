namespace Runtime.Supervision.Pools;

/// <summary>
/// How to run a pool's engine: a command line plus the model and engine version it serves. The
/// placeholders <c>{model}</c> and <c>{engine_version}</c> in <see cref="Arguments"/> are replaced by
/// <see cref="ExpandArguments"/>, so a reload only changes <see cref="Model"/> or <see cref="EngineVersion"/>.
/// </summary>
/// <param name="Command">The executable (for example the path of <c>dotnet</c> or of an engine binary).</param>
/// <param name="Arguments">Arguments, possibly with placeholders.</param>
/// <param name="Model">The model served, for example <c>llama-7b-v1</c>.</param>
/// <param name="EngineVersion">The engine version, for example <c>1.4.2</c>.</param>
public sealed record EngineSpec(string Command, IReadOnlyList<string> Arguments, string Model, string EngineVersion)
{
    /// <summary>The arguments with <c>{model}</c> and <c>{engine_version}</c> replaced.</summary>
    public IReadOnlyList<string> ExpandArguments() =>
        Arguments.Select(a => a.Replace("{model}", Model, StringComparison.Ordinal)
            .Replace("{engine_version}", EngineVersion, StringComparison.Ordinal)).ToArray();

    /// <summary>True when <paramref name="other"/> serves the same model with the same engine version.</summary>
    public bool SameVersionAs(EngineSpec other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Model == other.Model && EngineVersion == other.EngineVersion;
    }

    /// <summary>
    /// Checks that every part is there: a command, an argument list without null entries, a model and an engine version.
    /// A spec that fails here would otherwise be saved and make the next load of the state file fail as a whole.
    /// </summary>
    /// <exception cref="ArgumentException">Naming the missing or empty part.</exception>
    public void Validate()
    {
        string? problem =
            string.IsNullOrWhiteSpace(Command) ? "EngineSpec.Command must not be empty"
            : Arguments is null ? "EngineSpec.Arguments must not be null (use an empty list)"
            : Arguments.Any(a => a is null) ? "EngineSpec.Arguments must not contain null"
            : string.IsNullOrWhiteSpace(Model) ? "EngineSpec.Model must not be empty"
            : string.IsNullOrWhiteSpace(EngineVersion) ? "EngineSpec.EngineVersion must not be empty"
            : MemoryMiB is <= 0 ? $"EngineSpec.MemoryMiB must be null or positive, got {MemoryMiB}"
            : null;
        if (problem is not null)
        {
            throw new ArgumentException(problem);
        }
    }

    /// <summary>
    /// The device memory the engine needs, in MiB (for example 8192 for a 7B model in 16-bit); null when not declared.
    /// A surge reload needs the old and the new engine's memory to fit the pool's <see cref="Pool.DeviceMemoryMiB"/>.
    /// </summary>
    public long? MemoryMiB { get; init; }

    /// <summary>"llama-7b-v1 on engine 1.4.2".</summary>
    public string VersionLabel => $"{Model} on engine {EngineVersion}";
}
