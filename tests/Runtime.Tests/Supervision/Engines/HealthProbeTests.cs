using System.Net;
using System.Net.Sockets;
using FluentAssertions;
using Runtime.Supervision.Engines;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Supervision.Engines;

public sealed class HealthProbeTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly EngineLauncher _launcher = new();
    // A real HTTP request to a real process: a healthy stub answers in milliseconds, but the first request of a test
    // process and a loaded CI machine can take far longer than a production probe timeout. Only the hung-stub test
    // relies on a timeout firing, and uses a short one.
    private readonly HealthProbe _probe = new(Bound);

    public void Dispose()
    {
        _probe.Dispose();
        _launcher.Dispose();
    }

    [Fact]
    public async Task ProbeAsync_HealthyStub_IsHealthy()
    {
        var endpoint = await _launcher.Start(EngineStubCommand.Request()).Listening.WaitAsync(Bound);

        (await _probe.ProbeAsync(endpoint)).Should().Be(new HealthProbeResult(true, 200, null));
    }

    [Fact]
    public async Task ProbeAsync_StartingStub_Is503()
    {
        var endpoint = await _launcher.Start(EngineStubCommand.Request("--never-healthy")).Listening.WaitAsync(Bound);

        (await _probe.ProbeAsync(endpoint)).Should().Be(new HealthProbeResult(false, 503, "HTTP 503"));
    }

    [Fact]
    public async Task ProbeAsync_HungStub_TimesOut()
    {
        var engine = _launcher.Start(EngineStubCommand.Request());
        var endpoint = await engine.Listening.WaitAsync(Bound);
        engine.WriteLine("hang");

        // The hang command is applied asynchronously by the stub: probe until one times out (bounded).
        using var shortProbe = new HealthProbe(TimeSpan.FromMilliseconds(300));
        HealthProbeResult result;
        var attempts = 0;
        do
        {
            result = await shortProbe.ProbeAsync(endpoint);
        }
        while (result.Healthy && ++attempts < 50);

        result.Should().Be(new HealthProbeResult(false, null, "timed out after 300 ms"));
    }

    [Fact]
    public async Task ProbeAsync_AnEndpointThatNeverAnswers_TimesOutOnTheRequestClock()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var requestClock = TestClock.New();
        using var probe = new HealthProbe(TimeSpan.FromHours(1), requestClock);

        var pending = probe.ProbeAsync(new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/"));
        requestClock.Advance(TimeSpan.FromHours(1));

        (await pending.WaitAsync(Bound)).Should().Be(new HealthProbeResult(false, null, "timed out after 3600000 ms"));
    }

    [Fact]
    public async Task ProbeAsync_TwoEndpointsThatNeverAnswer_EachTimesOutOnTheRequestClockOfItsEndpoint()
    {
        using var first = new TcpListener(IPAddress.Loopback, 0);
        using var second = new TcpListener(IPAddress.Loopback, 0);
        first.Start();
        second.Start();
        var clocks = new Dictionary<int, Microsoft.Extensions.Time.Testing.FakeTimeProvider>
        {
            [((IPEndPoint)first.LocalEndpoint).Port] = TestClock.New(),
            [((IPEndPoint)second.LocalEndpoint).Port] = TestClock.New(),
        };
        using var probe = new HealthProbe(TimeSpan.FromHours(1), endpoint => clocks[endpoint.Port]);
        var firstProbe = probe.ProbeAsync(new Uri($"http://127.0.0.1:{((IPEndPoint)first.LocalEndpoint).Port}/"));
        var secondProbe = probe.ProbeAsync(new Uri($"http://127.0.0.1:{((IPEndPoint)second.LocalEndpoint).Port}/"));

        clocks[((IPEndPoint)first.LocalEndpoint).Port].Advance(TimeSpan.FromHours(1));

        (await firstProbe.WaitAsync(Bound)).Should().Be(new HealthProbeResult(false, null, "timed out after 3600000 ms"));
        secondProbe.IsCompleted.Should().BeFalse("the clock of the second endpoint has not moved");
        clocks[((IPEndPoint)second.LocalEndpoint).Port].Advance(TimeSpan.FromHours(1));
        (await secondProbe.WaitAsync(Bound)).Should().Be(new HealthProbeResult(false, null, "timed out after 3600000 ms"));
    }

    [Fact]
    public async Task EachProbe_OpensItsOwnConnection_AndHoldsNoneOpenAfterwards()
    {
        // An engine that keeps connections alive is still asked on a fresh one each time: a probe never holds one of
        // its connections between checks.
        using var engine = new TcpListener(IPAddress.Loopback, 0);
        engine.Start();
        var connections = 0;
        var requests = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var serving = Task.Run(async () =>
        {
            while (true)
            {
                var client = await engine.AcceptTcpClientAsync();
                Interlocked.Increment(ref connections);
                _ = AnswerEveryRequestKeepingAlive(client, requests);
            }
        });
        var endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)engine.LocalEndpoint).Port}/");

        (await _probe.ProbeAsync(endpoint)).Healthy.Should().BeTrue();
        (await _probe.ProbeAsync(endpoint)).Healthy.Should().BeTrue();

        Volatile.Read(ref connections).Should().Be(2, "each probe asks on a connection of its own");
        requests.Should().HaveCount(2).And.OnlyContain(r => r.Contains("Connection: close", StringComparison.OrdinalIgnoreCase));
        serving.IsFaulted.Should().BeFalse();
    }

    [Fact]
    public async Task ProbeAsync_NobodyListening_FailsWithoutThrowing()
    {
        var result = await _probe.ProbeAsync(new Uri("http://127.0.0.1:1/"));

        result.Healthy.Should().BeFalse();
        result.StatusCode.Should().BeNull();
        result.Error.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task ProbeAsync_NoEndpoint_ThrowsNamingIt()
    {
        var act = () => _probe.ProbeAsync(null!);

        await act.Should().ThrowAsync<ArgumentNullException>().WithParameterName("endpoint");
    }

    [Fact]
    public async Task ProbeAsync_NotLoopback_Throws()
    {
        var act = () => _probe.ProbeAsync(new Uri("http://10.0.0.8:8080/"));

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("health probes go to loopback only*");
    }

    private static async Task AnswerEveryRequestKeepingAlive(TcpClient client, System.Collections.Concurrent.ConcurrentQueue<string> requests)
    {
        using (client)
        {
            var stream = client.GetStream();
            var buffer = new byte[4096];
            var pending = "";
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                pending += System.Text.Encoding.ASCII.GetString(buffer, 0, read);
                int end;
                while ((end = pending.IndexOf("\r\n\r\n", StringComparison.Ordinal)) >= 0)
                {
                    requests.Enqueue(pending[..end]);
                    pending = pending[(end + 4)..];
                    await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
                }
            }
        }
    }
}
