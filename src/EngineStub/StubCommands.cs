namespace EngineStub;

/// <summary>Commands read from stdin (with --exit-on-stdin-eof), so a test triggers a behaviour exactly when it wants.</summary>
internal static class StubCommands
{
    public static void Run(string line, StubState state, TaskCompletionSource<int> exit)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var verb = space < 0 ? line : line[..space];
        var argument = space < 0 ? "" : line[(space + 1)..];
        switch (verb)
        {
            case "exit" when int.TryParse(argument, out var code):
                exit.TrySetResult(code);
                break;
            case "signal" when Native.SignalNumber(argument) is { } signal:
                Native.DieBy(signal);
                break;
            case "log":
                Console.Out.WriteLine(argument);
                break;
            case "log-stderr":
                Console.Error.WriteLine(argument);
                break;
            case "hang":
                state.Hang();
                Console.Out.WriteLine("hung: /health no longer answers");
                break;
            case "healthy":
                state.BecomeHealthy();
                Console.Out.WriteLine("healthy");
                break;
            case "":
                break;
            default:
                Console.Error.WriteLine($"engine-stub: unknown command '{line}'");
                break;
        }
    }
}
