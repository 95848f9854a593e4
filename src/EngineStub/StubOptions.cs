using System.Globalization;

namespace EngineStub;

/// <summary>The stub's behaviour, parsed from command-line flags (see <see cref="Help"/>).</summary>
internal sealed class StubOptions
{
    public const string Help = """
        engine-stub: an inference-engine stand-in for supervision specs.

        Usage: engine-stub [flags]

          --port N                 loopback port for GET /health and GET /generate (default 0 = any free
                                   port); the chosen port is printed as 'listening on http://127.0.0.1:PORT'.
                                   GET /generate answers like an engine, naming the model and engine
                                   version that served the request (503 until healthy)
          --generate-ms N          GET /generate takes N ms to answer, as generation does (default 0)
          --model NAME             model name reported by /health (default 'none')
          --engine-version V       engine version reported by /health (default '0')
          --model-dir DIR          loads the model from the file DIR/NAME (NAME given by --model) before
                                   it listens; when that file is missing it writes 'engine-stub: cannot
                                   load model NAME: PATH not found' on stderr and exits with code 1
                                   without opening a port (a real start failure). Without this flag no
                                   model is loaded
          --healthy-after-ms N     /health answers 503 until N ms after start, then 200 (default 0)
          --never-healthy          /health always answers 503
          --log TEXT               writes TEXT on stdout after the listening line (repeatable)
          --log-stderr TEXT        writes TEXT on stderr after the listening line (repeatable)
          --log-after-ms N         delay before the --log lines (default 0)
          --exit-code N            exits with code N ...
          --exit-after-ms N        ... after N ms (default 0 when --exit-code is given)
          --signal NAME            dies by signal NAME (SIGSEGV, SIGABRT, SIGKILL, ...) raised on itself ...
          --signal-after-ms N      ... after N ms (default 0 when --signal is given)
          --hang-after-ms N        stops answering /health after N ms (connections stay open, no reply)
          --shutdown-ms N          on SIGTERM, in-flight work takes N ms before exit code 0 (default 0)
          --ignore-sigterm         logs and ignores SIGTERM (only SIGKILL ends it)
          --helper-holds-output    starts a helper process that inherits the stub's stdout and stderr
                                   and outlives it, as an engine's forked worker can: the pipes stay
                                   open after the stub dies. Writes 'helper pid N'. The helper is the
                                   stub run as 'engine-stub --hold-output': it waits 600 s, writing
                                   nothing
          --ignore-parent          does not watch its parent: keeps running when the manager dies
                                   (stdin end of file included), as an engine that does not cooperate
          --exit-on-stdin-eof      reads commands from stdin, one per line, and exits when stdin
                                   reaches end of file (the parent went away). Commands:
                                     exit N         exit with code N now
                                     signal NAME    die by signal NAME now
                                     log TEXT       write TEXT on stdout
                                     log-stderr T   write T on stderr
                                     hang           stop answering /health
                                     healthy        answer 200 on /health from now on
          --help                   prints this text

        Whatever its flags, the stub (and its helper) exits as soon as the process named by the
        SPECS_TEST_HOST_PID environment variable has ended: the test host names itself there, so that
        no stub outlives the test run.

        Unless --ignore-parent is given, the stub exits (code 0) when its parent process dies (it watches
        getppid()) or when the process named by the ENGINE_PARENT_PID environment variable no longer exists.
        """;

    /// <summary>The only argument of the helper that <c>--helper-holds-output</c> starts.</summary>
    public const string HoldOutputFlag = "--hold-output";

    public int Port { get; private set; }

    public string Model { get; private set; } = "none";

    public string EngineVersion { get; private set; } = "0";

    public string? ModelDir { get; private set; }

    public int HealthyAfterMs { get; private set; }

    public bool NeverHealthy { get; private set; }

    public List<string> Logs { get; } = [];

    public List<string> ErrorLogs { get; } = [];

    public int LogAfterMs { get; private set; }

    public int? ExitCode { get; private set; }

    public int ExitAfterMs { get; private set; }

    public string? Signal { get; private set; }

    public int SignalAfterMs { get; private set; }

    public int? HangAfterMs { get; private set; }

    public int ShutdownMs { get; private set; }

    public bool IgnoreSigterm { get; private set; }

    public bool ExitOnStdinEof { get; private set; }

    public int GenerateMs { get; private set; }

    public bool HelperHoldsOutput { get; private set; }

    public bool IgnoreParent { get; private set; }

    public bool ShowHelp { get; private set; }

    /// <summary>Parses flags; throws <see cref="ArgumentException"/> naming the bad flag.</summary>
    public static StubOptions Parse(string[] args)
    {
        var options = new StubOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var flag = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"flag {flag} needs a value");
            int NextInt()
            {
                var text = Next();
                return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
                    ? value
                    : throw new ArgumentException($"flag {flag} needs a non-negative integer, got '{text}'");
            }

            switch (flag)
            {
                case "--port": options.Port = NextInt(); break;
                case "--model": options.Model = Next(); break;
                case "--engine-version": options.EngineVersion = Next(); break;
                case "--model-dir": options.ModelDir = Next(); break;
                case "--healthy-after-ms": options.HealthyAfterMs = NextInt(); break;
                case "--never-healthy": options.NeverHealthy = true; break;
                case "--log": options.Logs.Add(Next()); break;
                case "--log-stderr": options.ErrorLogs.Add(Next()); break;
                case "--log-after-ms": options.LogAfterMs = NextInt(); break;
                case "--exit-code": options.ExitCode = NextInt(); break;
                case "--exit-after-ms": options.ExitAfterMs = NextInt(); break;
                case "--signal": options.Signal = Next(); break;
                case "--signal-after-ms": options.SignalAfterMs = NextInt(); break;
                case "--hang-after-ms": options.HangAfterMs = NextInt(); break;
                case "--shutdown-ms": options.ShutdownMs = NextInt(); break;
                case "--helper-holds-output": options.HelperHoldsOutput = true; break;
                case "--generate-ms": options.GenerateMs = NextInt(); break;
                case "--ignore-parent": options.IgnoreParent = true; break;
                case "--ignore-sigterm": options.IgnoreSigterm = true; break;
                case "--exit-on-stdin-eof": options.ExitOnStdinEof = true; break;
                case "--help" or "-h": options.ShowHelp = true; break;
                default: throw new ArgumentException($"unknown flag '{flag}' (see --help)");
            }
        }

        if (options.Signal is not null && Native.SignalNumber(options.Signal) is null)
        {
            throw new ArgumentException($"unknown signal '{options.Signal}' (use SIGSEGV, SIGABRT, SIGKILL, SIGTERM, SIGBUS, SIGFPE, SIGILL, SIGINT, SIGQUIT, SIGHUP)");
        }

        return options;
    }
}
