using ManagerHost.Api;
using ManagerHost.Configuration;
using ManagerHost.Probes;
using ManagerHost.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Runtime.Supervision.Pools;
using Runtime.Supervision;
using Runtime.Common.Telemetry;

namespace ManagerHost;

/// <summary>
/// The manager service: <c>manager-host [--config FILE] [--Manager:Key=value ...]</c>. The configuration is FILE (by
/// default <c>appsettings.json</c> next to manager-host), then environment variables (<c>Manager__Url</c>), then the
/// command line. Writes <c>listening on URL</c> once the API answers; exits 0 after a graceful stop and
/// <see cref="ConfigurationRefused"/> when the configuration is refused, naming each bad setting on stderr.
/// </summary>
internal static class ManagerApp
{
    /// <summary>The exit code of a refused configuration (EX_CONFIG of sysexits.h).</summary>
    public const int ConfigurationRefused = 78;

    /// <summary>The exit code of a state file that cannot be read (never silently reset).</summary>
    public const int StateFileRefused = 1;

    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = Build(args);
        try
        {
            await app.StartAsync();
        }
        catch (PoolStateFileException e)
        {
            Console.Error.WriteLine($"manager-host: {e.Message}");
            return StateFileRefused;
        }
        catch (OptionsValidationException e)
        {
            return Refuse(app, e.Failures);
        }
        catch (InvalidOperationException e) when (e.InnerException is FormatException or InvalidCastException or OverflowException || e.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(app, [e.Message]);
        }

        var options = app.Services.GetRequiredService<IOptions<ManagerOptions>>().Value;
        var url = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        ManagerLog.Listening(app.Services.GetRequiredService<ILogger<ManagerRuntime>>(), url, options.Token is null ? "not required" : "required");
        Console.Out.WriteLine($"listening on {url}");
        Console.Out.Flush();
        await app.WaitForShutdownAsync();
        return 0;
    }

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var commandLine = new ConfigurationBuilder().AddCommandLine(args).Build();
        builder.Configuration.Sources.Clear();
        builder.Configuration
            .AddJsonFile(commandLine["config"] is { } file ? Path.GetFullPath(file) : "appsettings.json", optional: commandLine["config"] is null)
            .AddEnvironmentVariables()
            .AddCommandLine(args);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);

        var section = builder.Configuration.GetSection(ManagerOptions.Section);
        builder.Services.AddOptions<ManagerOptions>().Bind(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ManagerOptions>, ManagerOptionsValidator>();
        var grace = GracePeriod(section);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = grace + TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<ManagerRuntime>();
        builder.Services.AddSingleton<ManagerService>();
        builder.Services.AddHostedService(s => s.GetRequiredService<ManagerService>());
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ManagerJson.Default));
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(TelemetryNames.Meter)
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));

        var app = builder.Build();
        app.Urls.Add(section[nameof(ManagerOptions.Url)] ?? new ManagerOptions().Url);
        app.UseBearerToken(section[nameof(ManagerOptions.Token)]);
        app.UseStatusCodePages();
        app.MapProbes();
        app.MapPools();
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    /// <summary>The configured grace period, for the host's own shutdown timeout; a bad value is refused by the validation at start.</summary>
    private static TimeSpan GracePeriod(IConfiguration section)
    {
        try
        {
            return section.GetValue<TimeSpan?>(nameof(ManagerOptions.ShutdownGracePeriod)) ?? new ManagerOptions().ShutdownGracePeriod;
        }
        catch (InvalidOperationException)
        {
            return new ManagerOptions().ShutdownGracePeriod;
        }
    }

    private static int Refuse(WebApplication app, IEnumerable<string> failures)
    {
        var list = failures.ToList();
        ManagerLog.ConfigurationRefused(app.Services.GetRequiredService<ILogger<ManagerRuntime>>(), string.Join("; ", list));
        foreach (var failure in list)
        {
            Console.Error.WriteLine($"manager-host: configuration refused: {failure}");
        }

        return ConfigurationRefused;
    }
}
