using System.Globalization;
using Bdd.Configuration;
using Bdd.Execution;
using Bdd.Tests.Conversion;
using Bdd.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Execution;

[Binding]
public sealed class ArgumentSteps(IReqnrollOutputHelper output)
{
    private void Log(string name, object? value) => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}={value} ({value?.GetType().Name ?? "null"})"));

    [Given("int {int}")] public void Int(int value) => Log("int", value);
    [Given("long {long}")] public void Long(long value) => Log("long", value);
    [Given("byte {byte}")] public void Byte(byte value) => Log("byte", value);
    [Given("short {short}")] public void Short(short value) => Log("short", value);
    [Given("biginteger {biginteger}")] public void Big(System.Numerics.BigInteger value) => Log("biginteger", value);
    [Given("float {float}")] public void Float(float value) => Log("float", value);
    [Given("double {double}")] public void Double(double value) => Log("double", value);
    [Given("decimal {decimal}")] public void Decimal(decimal value) => Log("decimal", value);
    [Given("bigdecimal {bigdecimal}")] public void BigDecimal(decimal value) => Log("bigdecimal", value);
    [Given("word {word}")] public void Word(string value) => Log("word", value);
    [Given("string {string}")] public void String(string value) => Log("string", value);
    [Given("anonymous {}")] public void Anonymous(string value) => Log("anonymous", value);
    [Given("reason {CrashReason}")] public void Reason(CrashReason value) => Log("reason", value);
    [Given("guid {}")] public void Guid(Guid value) => Log("guid", value);
    [Given("timespan {}")] public void TimeSpan(TimeSpan value) => Log("timespan", value);
    [Given("flag {word}")] public void Flag(bool value) => Log("flag", value);
    [Given("nullable {string}")] public void Nullable(int? value) => Log("nullable", value);
    [Given("{int} lease(s) for pool {word} and model/engine {string}")] public void Mixed(int leases, string pool, string model) => Log("mixed", $"{leases}|{pool}|{model}");

    [Given(@"^regex pool (\w+) has (\d+) slots$")]
    public void Regex(string pool, int slots) => Log("regex", $"{pool}:{slots}");

    [Given(@"the engine takes (\d+)ms")]
    public void RegexWithoutAnchors(int milliseconds) => Log("ms", milliseconds);

    [Given("letters [a-z]+ only", ExpressionType = ExpressionType.RegularExpression)]
    public void Letters() => Log("letters", "ok");

    [Given("the pools")]
    public void Pools(DataTable table) => Log("pools", string.Join(",", table.Rows.Select(r => r["name"] + ":" + r["slots"])));

    [Given("the legacy table")]
    public void Legacy(Table table) => Log("legacy", table.RowCount);

    [Given("the config")]
    public void Config(string content) => Log("config", content.Replace("\n", "|", StringComparison.Ordinal));

    [Given("pool {word} has the config")]
    public void PoolConfig(string pool, string content) => Log("poolconfig", pool + ":" + content);
}

public class ArgumentTests
{
    private static async Task<List<string>> LogsOf(string steps, BddConfiguration? configuration = null)
    {
        var runner = FeatureRun.Runner(configuration, typeof(ArgumentSteps));
        var (result, output) = await FeatureRun.OneAsync(runner, "Feature: Arguments\n  Scenario: Arguments\n" + steps);
        result.Status.Should().Be(ScenarioStatus.Passed, result.Message);
        return [.. output.Lines.Where(l => l.Contains('='))];
    }

    [Theory]
    [InlineData("Given int -42", "int=-42 (Int32)")]
    [InlineData("Given long 9000000000", "long=9000000000 (Int64)")]
    [InlineData("Given byte 7", "byte=7 (Byte)")]
    [InlineData("Given short 300", "short=300 (Int16)")]
    [InlineData("Given biginteger 123456789012345678901234567890", "biginteger=123456789012345678901234567890 (BigInteger)")]
    [InlineData("Given float 1.5", "float=1.5 (Single)")]
    [InlineData("Given double -2.25", "double=-2.25 (Double)")]
    [InlineData("Given decimal 19.99", "decimal=19.99 (Decimal)")]
    [InlineData("Given bigdecimal 0.1", "bigdecimal=0.1 (Decimal)")]
    [InlineData("Given word gpu-0", "word=gpu-0 (String)")]
    [InlineData("Given string \"llama 7b\"", "string=llama 7b (String)")]
    [InlineData("Given string 'llama 7b'", "string=llama 7b (String)")]
    [InlineData("Given anonymous any text here", "anonymous=any text here (String)")]
    [InlineData("Given reason SEGFAULT", "reason=Segfault (CrashReason)")]
    [InlineData("Given guid 00000000-0000-0000-0000-00000000000a", "guid=00000000-0000-0000-0000-00000000000a (Guid)")]
    [InlineData("Given timespan 00:01:30", "timespan=00:01:30 (TimeSpan)")]
    [InlineData("Given flag true", "flag=True (Boolean)")]
    [InlineData("Given nullable \"5\"", "nullable=5 (Int32)")]
    [InlineData("Given nullable \"\"", "nullable= (null)")]
    [InlineData("Given 1 lease for pool gpu-0 and model \"m\"", "mixed=1|gpu-0|m (String)")]
    [InlineData("Given regex pool gpu has 8 slots", "regex=gpu:8 (String)")]
    [InlineData("Given the engine takes 250ms", "ms=250 (Int32)")]
    [InlineData("Given letters abc only", "letters=ok (String)")]
    public async Task RunScenarioAsync_ExpressionArgument_IsConverted(string step, string expected)
        => (await LogsOf("    " + step + "\n")).Should().Equal(expected);

    [Fact]
    public async Task RunScenarioAsync_OptionalAndAlternativeText_MatchEveryForm()
    {
        var logs = await LogsOf("""
                Given 3 leases for pool gpu-1 and engine "a"
                Given 1 lease for pool gpu-2 and model 'b'
            """ + "\n");
        logs.Should().Equal("mixed=3|gpu-1|a (String)", "mixed=1|gpu-2|b (String)");
    }

    [Fact]
    public async Task RunScenarioAsync_BindingCultureDeDe_ConvertsWithComma()
    {
        var configuration = BddConfiguration.Parse("""{ "language": { "binding": "de-DE" } }""", "reqnroll.json");
        (await LogsOf("    Given double 1,5\n", configuration)).Should().Equal("double=1.5 (Double)");
    }

    [Fact]
    public async Task RunScenarioAsync_DataTableAndTableAlias_ArePassedAsLastParameter()
    {
        var logs = await LogsOf("""
                Given the pools
                  | name  | slots |
                  | gpu-0 | 4     |
                  | gpu-1 | 2     |
                And the legacy table
                  | a |
                  | 1 |
            """ + "\n");
        logs.Should().Equal("pools=gpu-0:4,gpu-1:2 (String)", "legacy=1 (Int32)");
    }

    [Fact]
    public async Task RunScenarioAsync_DocString_IsPassedAsLastStringParameter()
    {
        var logs = await LogsOf("    Given the config\n      \"\"\"\n      line one\n      line two\n      \"\"\"\n    And pool gpu-0 has the config\n      \"\"\"\n      x\n      \"\"\"\n");
        logs.Should().Equal("config=line one|line two (String)", "poolconfig=gpu-0:x (String)");
    }

    [Fact]
    public async Task RunScenarioAsync_ConversionFailure_FailsNamingValueAndType()
    {
        var (result, _) = await FeatureRun.OneAsync("Feature: A\n  Scenario: B\n    Given flag perhaps\n", typeof(ArgumentSteps));
        result.Status.Should().Be(ScenarioStatus.Failed);
        result.Message.Should().Contain("Given flag perhaps -- failed at features/test.feature:3").And.Contain("Cannot convert 'perhaps' to Boolean");
    }
}
