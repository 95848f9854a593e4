using System.Reflection;
using System.Runtime.InteropServices;
using Bdd.Events;
using Bdd.Messages;

namespace Bdd.Formatters;

/// <summary>The Cucumber Messages envelope of each run event (one JSON line each).</summary>
internal static partial class RunEnvelopes
{
    /// <summary>The @cucumber/messages version whose schema the envelopes follow (the HTML formatter 24.2 reads it).</summary>
    public const string ProtocolVersion = "34.2.1";

    /// <summary>The implementation name written in meta.</summary>
    public const string ImplementationName = "Bdd";

    public static string Meta() => Envelope.Create("meta", w =>
    {
        w.String("protocolVersion", ProtocolVersion);
        Product(w, "implementation", ImplementationName, ImplementationVersion());
        Product(w, "runtime", ".NET", Environment.Version.ToString());
        Product(w, "os", OsName(), Environment.OSVersion.Version.ToString());
        Product(w, "cpu", RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(), null);
    });

    public static IEnumerable<string> Source(SourceParsed parsed)
    {
        yield return Envelope.Source(parsed.Uri, parsed.Text);
        if (parsed.Errors.Count > 0 || parsed.Document is null)
        {
            foreach (var error in parsed.Errors)
                yield return Envelope.ParseError(error);
            yield break;
        }
        yield return Envelope.GherkinDocument(parsed.Document);
        foreach (var pickle in parsed.Pickles)
            yield return Envelope.Pickle(pickle);
    }

    public static string StepDefinition(StepDefinitionDescriptor step) => Envelope.Create("stepDefinition", w =>
    {
        w.String("id", step.Id);
        w.Name("pattern").StartObject().String("source", step.Expression).String("type", step.ExpressionType).EndObject();
        SourceReference(w, step.Method);
    });

    public static string Hook(HookDescriptor hook) => Envelope.Create("hook", w =>
    {
        w.String("id", hook.Id).String("name", hook.Kind + ": " + hook.Method);
        SourceReference(w, hook.Method);
        w.StringIfNotNull("tagExpression", hook.TagExpression).StringIfNotNull("type", HookType(hook.Kind));
    });

    /// <summary>Cucumber's hook type for an engine hook kind; null for feature hooks, which Cucumber lacks.</summary>
    public static string? HookType(string kind) => kind switch
    {
        "BeforeTestRun" => "BEFORE_TEST_RUN",
        "AfterTestRun" => "AFTER_TEST_RUN",
        "BeforeScenario" => "BEFORE_TEST_CASE",
        "AfterScenario" => "AFTER_TEST_CASE",
        "BeforeStep" => "BEFORE_TEST_STEP",
        "AfterStep" => "AFTER_TEST_STEP",
        _ => null,
    };

    /// <summary>
    /// A .NET method as Cucumber's <c>javaMethod</c> source reference (as Reqnroll does), parsed from the
    /// binding display form <c>PoolSteps.GivenPool(String, Int32)</c>.
    /// </summary>
    private static void SourceReference(JsonLineWriter w, string method)
    {
        var open = method.IndexOf('(', StringComparison.Ordinal);
        var qualified = open < 0 ? method : method[..open];
        var dot = qualified.LastIndexOf('.');
        var className = dot < 0 ? string.Empty : qualified[..dot];
        var methodName = dot < 0 ? qualified : qualified[(dot + 1)..];
        var parameters = open < 0 ? string.Empty : method[(open + 1)..].TrimEnd(')');
        w.Name("sourceReference").StartObject().Name("javaMethod").StartObject()
            .String("className", className).String("methodName", methodName)
            .Strings("methodParameterTypes", SplitParameters(parameters))
            .EndObject().EndObject();
    }

    private static List<string> SplitParameters(string parameters)
    {
        var result = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < parameters.Length; i++)
        {
            switch (parameters[i])
            {
                case '<': depth++; break;
                case '>': depth--; break;
                case ',' when depth == 0:
                    result.Add(parameters[start..i].Trim());
                    start = i + 1;
                    break;
            }
        }
        if (parameters.Trim().Length > 0)
            result.Add(parameters[start..].Trim());
        return result;
    }

    private static void Product(JsonLineWriter w, string name, string productName, string? version)
        => w.Name(name).StartObject().String("name", productName).StringIfNotNull("version", version).EndObject();

    private static string ImplementationVersion()
    {
        var assembly = typeof(RunEnvelopes).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
    }

    private static string OsName()
        => OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "darwin" : OperatingSystem.IsLinux() ? "linux" : RuntimeInformation.OSDescription;
}
