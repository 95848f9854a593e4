using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EngineStub;

/// <summary>
/// A tiny HTTP/1.1 responder on 127.0.0.1: GET /health answers 200 when healthy, 503 otherwise;
/// GET /generate answers a request as an engine would, naming the model and engine version that served it
/// (503 while not healthy); when hung it reads the request, says so on stdout (<c>held GET /health unanswered</c>, so
/// that a test may let the client's timeout pass on a clock of its own) and never answers. One request per connection
/// (Connection: close).
/// </summary>
internal sealed class HealthServer(StubOptions options, StubState state)
{
    /// <summary>The start of the stdout line that says a request is held unanswered: <c>held GET /health unanswered</c>.</summary>
    public const string HeldPrefix = "held GET ";

    private readonly TcpListener _listener = new(IPAddress.Loopback, options.Port);

    public int Start()
    {
        _listener.Start();
        _ = Task.Run(AcceptLoopAsync);
        return ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            var client = await _listener.AcceptTcpClientAsync();
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var request = await ReadHeadAsync(stream);
            if (request is null)
            {
                return;
            }

            var path = request.Split(' ') is [_, var target, ..] ? target : "/";
            if (path is not ("/health" or "/generate"))
            {
                await WriteAsync(stream, 404, "Not Found", """{"error":"not found"}""");
                return;
            }

            if (state.IsHung)
            {
                // Hung: keep the connection open without answering until the client gives up.
                Console.Out.WriteLine($"{HeldPrefix}{path} unanswered");
                var sink = new byte[1];
                while (await stream.ReadAsync(sink) > 0)
                {
                }

                return;
            }

            if (path == "/generate" && state.IsHealthy && options.GenerateMs > 0)
            {
                await Task.Delay(options.GenerateMs);
            }

            var body = path == "/generate" && state.IsHealthy
                ? $$"""{"output":"generated","model":"{{options.Model}}","engine_version":"{{options.EngineVersion}}"}"""
                : $$"""{"status":"{{(state.IsHealthy ? "ok" : "starting")}}","model":"{{options.Model}}","engine_version":"{{options.EngineVersion}}"}""";
            await WriteAsync(stream, state.IsHealthy ? 200 : 503, state.IsHealthy ? "OK" : "Service Unavailable", body);
        }
        catch (IOException)
        {
        }
        catch (SocketException)
        {
        }
    }

    private static async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new byte[8192];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length));
            if (read == 0)
            {
                return null;
            }

            length += read;
            var text = Encoding.ASCII.GetString(buffer, 0, length);
            if (text.Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                return text;
            }
        }

        return null;
    }

    private static async Task WriteAsync(NetworkStream stream, int status, string phrase, string body)
    {
        var payload = Encoding.UTF8.GetBytes(body);
        var head = $"HTTP/1.1 {status} {phrase}\r\nContent-Type: application/json\r\nContent-Length: {payload.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(payload);
        await stream.FlushAsync();
    }
}
