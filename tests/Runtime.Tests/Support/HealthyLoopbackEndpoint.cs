using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Runtime.Tests.Support;

/// <summary>
/// A loopback HTTP endpoint that answers every request 200 OK and closes the connection: the health endpoint of
/// in-process engines (<see cref="InProcessEngines"/>), so the supervisor's real probe finds them healthy.
/// </summary>
internal sealed class HealthyLoopbackEndpoint : IDisposable
{
    private static readonly byte[] Ok = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public HealthyLoopbackEndpoint()
    {
        _listener.Start();
        Uri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = AcceptAsync();
    }

    /// <summary>The endpoint, for example <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Uri { get; }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = AnswerAsync(client);
        }
    }

    private static async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var buffer = new byte[4096];
                var seen = new StringBuilder();
                while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer);
                    if (read == 0)
                    {
                        return;
                    }

                    seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                await stream.WriteAsync(Ok);
            }
            catch (IOException)
            {
                // The prober gave up (its engine was stopped): nothing to answer.
            }
        }
    }
}
