using System.Net;
using Microsoft.Extensions.Options;

namespace ManagerHost.Configuration;

/// <summary>Checks the configuration once, at start: every failure names its setting (<c>Manager:Pools:gpu-0:Model</c>).</summary>
internal sealed partial class ManagerOptionsValidator : IValidateOptions<ManagerOptions>
{
    public ValidateOptionsResult Validate(string? name, ManagerOptions options)
    {
        var failures = new List<string>();
        const string M = ManagerOptions.Section;
        if (!TryParseUrl(options.Url, out var url))
        {
            failures.Add($"{M}:Url must be an http or https address such as http://127.0.0.1:5080, got '{options.Url}'");
        }
        else if (!IsLoopback(url) && string.IsNullOrWhiteSpace(options.Token))
        {
            failures.Add($"{M}:Token must be set: {M}:Url {options.Url} is not a loopback address, and the API answers beyond this machine only to a bearer token");
        }

        if (options.Token is { } token && string.IsNullOrWhiteSpace(token))
        {
            failures.Add($"{M}:Token must not be blank");
        }

        Positive(options.ShutdownGracePeriod, $"{M}:ShutdownGracePeriod", failures);
        Positive(options.DefaultDrainDeadline, $"{M}:DefaultDrainDeadline", failures);
        if (options.Pools.Count == 0)
        {
            failures.Add($"{M}:Pools must name at least one pool");
        }

        foreach (var (id, pool) in options.Pools)
        {
            var at = $"{M}:Pools:{id}";
            Required(pool.Command, $"{at}:Command", failures);
            Required(pool.Model, $"{at}:Model", failures);
            Required(pool.EngineVersion, $"{at}:EngineVersion", failures);
            Positive(pool.DeviceMemoryMiB, $"{at}:DeviceMemoryMiB", failures);
            Positive(pool.ModelMemoryMiB, $"{at}:ModelMemoryMiB", failures);
        }

        try
        {
            options.Supervision.Validate();
        }
        catch (ArgumentException e)
        {
            failures.Add($"{M}:Supervision: {e.Message}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Parses a listen address; Kestrel's wildcards <c>*</c> and <c>+</c> stand for every address.</summary>
    public static bool TryParseUrl(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? url)
    {
        var normalized = value is null ? null : Wildcard().Replace(value, "${scheme}0.0.0.0");
        return Uri.TryCreate(normalized, UriKind.Absolute, out url) && url.Scheme is "http" or "https";
    }

    /// <summary>True for <c>localhost</c> and loopback addresses (127.0.0.0/8, ::1); false for any other host, wildcards included.</summary>
    public static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static void Required(string? value, string setting, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{setting} must be set");
        }
    }

    private static void Positive(TimeSpan value, string setting, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{setting} must be positive, got {value}");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<scheme>https?://)[*+](?=[:/]|$)")]
    private static partial System.Text.RegularExpressions.Regex Wildcard();

    private static void Positive(long? mebibytes, string setting, List<string> failures)
    {
        if (mebibytes is <= 0)
        {
            failures.Add($"{setting} must be a positive number of MiB, got {mebibytes}");
        }
    }
}
