using FluentAssertions;
using Runtime.Supervision.Reload;
using Xunit;

namespace Runtime.Tests.Supervision.Reload;

/// <summary>The handoff file: never null fields, rewritten in place by the next reload, and never half-written.</summary>
public sealed class HandoffFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("handoff-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string pool) => HandoffFile.PathFor(_directory, pool);

    [Fact]
    public void ANewHandoff_HasEmptyFieldsNotNulls() =>
        new HandoffFile().Should().BeEquivalentTo(new { Pool = "", Model = "", EngineVersion = "", Endpoint = "", Pid = 0 });

    [Fact]
    public void Write_Twice_KeepsTheLatest()
    {
        new HandoffFile { Pool = "gpu-0", Model = "llama-7b-v1" }.Write(PathOf("gpu-0"));

        new HandoffFile { Pool = "gpu-0", Model = "llama-7b-v2" }.Write(PathOf("gpu-0"));

        HandoffFile.Read(PathOf("gpu-0")).Model.Should().Be("llama-7b-v2");
    }

    [Fact]
    public void Write_Failing_LeavesThePreviousHandoffWhole()
    {
        new HandoffFile { Pool = "gpu-0", Model = "llama-7b-v1" }.Write(PathOf("gpu-0"));
        Directory.CreateDirectory(PathOf("gpu-0") + ".tmp"); // the write's temporary file cannot be created

        FluentActions.Invoking(() => new HandoffFile { Pool = "gpu-0", Model = "llama-7b-v2" }.Write(PathOf("gpu-0"))).Should().Throw<Exception>();

        HandoffFile.Read(PathOf("gpu-0")).Model.Should().Be("llama-7b-v1", "the new handoff is written aside and renamed over the old one");
    }

    [Fact]
    public void Read_ANullDocument_IsRefusedNamingTheFile()
    {
        File.WriteAllText(PathOf("gpu-0"), "null");

        FluentActions.Invoking(() => HandoffFile.Read(PathOf("gpu-0"))).Should().Throw<InvalidDataException>()
            .WithMessage($"handoff file '{PathOf("gpu-0")}' is empty");
    }
}
