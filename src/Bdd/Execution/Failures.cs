using System.Reflection;
using System.Text;

namespace Bdd.Execution;

/// <summary>Unwraps reflection/task wrappers and renders user exceptions with engine stack frames removed.</summary>
internal static class Failures
{
    private static readonly string[] EngineFrames =
    [
        "at Bdd.Execution.", "at Bdd.Bindings.", "at Bdd.BoDi.", "at Bdd.Matching.", "at Bdd.Conversion.",
        "at lambda_method", "at System.Runtime.CompilerServices.", "at System.Threading.", "at System.Reflection.",
        "at System.RuntimeMethodHandle.", "--- End of stack trace from previous location",
    ];

    public static Exception Unwrap(Exception exception)
    {
        while (true)
        {
            switch (exception)
            {
                case TargetInvocationException { InnerException: { } inner }:
                    exception = inner;
                    continue;
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    exception = aggregate.InnerExceptions[0];
                    continue;
                default:
                    return exception;
            }
        }
    }

    /// <summary>"Type: message" (the type is omitted for assertion exceptions), then the user stack frames.</summary>
    public static string Describe(Exception exception)
    {
        var builder = new StringBuilder();
        AppendException(builder, exception);
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            builder.Append("\n---> ");
            AppendException(builder, inner);
        }
        return builder.ToString();
    }

    private static void AppendException(StringBuilder builder, Exception exception)
    {
        var typeName = exception.GetType().Name;
        if (!typeName.EndsWith("XunitException", StringComparison.Ordinal) && exception is not PendingStepException)
            builder.Append(exception.GetType().FullName).Append(": ");
        builder.Append(exception.Message);
        var stack = TrimStack(exception.StackTrace);
        if (stack.Length > 0)
            builder.Append('\n').Append(stack);
    }

    public static string TrimStack(string? stackTrace)
    {
        if (string.IsNullOrEmpty(stackTrace))
            return string.Empty;
        var lines = stackTrace.Split('\n');
        var kept = new List<string>(lines.Length);
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || Array.Exists(EngineFrames, f => trimmed.StartsWith(f, StringComparison.Ordinal)))
                continue;
            kept.Add(line);
        }
        return string.Join("\n", kept);
    }
}
