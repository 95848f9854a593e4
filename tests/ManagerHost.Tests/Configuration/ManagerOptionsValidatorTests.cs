using FluentAssertions;
using ManagerHost.Configuration;
using Xunit;

namespace ManagerHost.Tests.Configuration;

public sealed class ManagerOptionsValidatorTests
{
    private readonly ManagerOptionsValidator _validator = new();

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://10.1.2.3:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("https://manager.example.com")]
    public void Validate_NonLoopbackUrlWithoutToken_IsRefusedNamingTheToken(string url)
    {
        var result = _validator.Validate(null, Valid(url));

        result.Failed.Should().BeTrue($"{url} is not loopback, and no token is configured");
        result.Failures.Should().ContainSingle().Which.Should().StartWith("Manager:Token must be set: Manager:Url " + url);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://10.1.2.3:5080")]
    public void Validate_NonLoopbackUrlWithToken_IsAccepted(string url)
    {
        var options = Valid(url);
        options.Token = "s3cret";

        _validator.Validate(null, options).Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://127.0.0.2:0")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    public void Validate_LoopbackUrlWithoutToken_IsAccepted(string url) =>
        _validator.Validate(null, Valid(url)).Succeeded.Should().BeTrue($"{url} is loopback");

    [Theory]
    [InlineData("127.0.0.1:5080")]
    [InlineData("ftp://127.0.0.1:5080")]
    [InlineData("")]
    public void Validate_UrlNotHttp_IsRefusedNamingTheUrl(string url) =>
        _validator.Validate(null, Valid(url)).Failures.Should().ContainSingle().Which.Should().StartWith("Manager:Url must be an http or https address");

    [Fact]
    public void Validate_BlankToken_IsRefused()
    {
        var options = Valid("http://127.0.0.1:5080");
        options.Token = " ";

        _validator.Validate(null, options).Failures.Should().Contain("Manager:Token must not be blank");
    }

    [Fact]
    public void Validate_NoPools_IsRefused() =>
        _validator.Validate(null, new ManagerOptions()).Failures.Should().Contain("Manager:Pools must name at least one pool");

    [Fact]
    public void Validate_IncompletePoolAndBadDurations_NamesEverySetting()
    {
        var options = Valid("http://127.0.0.1:5080");
        options.Pools["gpu-1"] = new PoolOptions();
        options.ShutdownGracePeriod = TimeSpan.Zero;
        options.DefaultDrainDeadline = TimeSpan.FromSeconds(-1);
        options.Supervision.Health.FailureThreshold = 0;

        _validator.Validate(null, options).Failures.Should().BeEquivalentTo(
            "Manager:ShutdownGracePeriod must be positive, got 00:00:00",
            "Manager:DefaultDrainDeadline must be positive, got -00:00:01",
            "Manager:Pools:gpu-1:Command must be set",
            "Manager:Pools:gpu-1:Model must be set",
            "Manager:Pools:gpu-1:EngineVersion must be set",
            "Manager:Supervision: HealthProbeOptions.FailureThreshold must be at least 1, got 0. (Parameter 'FailureThreshold')");
    }

    [Theory]
    [InlineData(0L, null, "Manager:Pools:gpu-0:DeviceMemoryMiB must be a positive number of MiB, got 0")]
    [InlineData(null, -8000L, "Manager:Pools:gpu-0:ModelMemoryMiB must be a positive number of MiB, got -8000")]
    public void Validate_MemoryThatIsNotPositive_IsRefusedNamingTheSetting(long? device, long? model, string failure)
    {
        var options = Valid("http://127.0.0.1:5080");
        options.Pools["gpu-0"].DeviceMemoryMiB = device;
        options.Pools["gpu-0"].ModelMemoryMiB = model;

        _validator.Validate(null, options).Failures.Should().ContainSingle().Which.Should().Be(failure);
    }

    private static ManagerOptions Valid(string url) => new()
    {
        Url = url,
        Pools = { ["gpu-0"] = new PoolOptions { Command = "dotnet", Model = "llama-7b-v1", EngineVersion = "1.0" } },
    };
}
