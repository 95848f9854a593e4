using FluentAssertions;
using Runtime.Supervision.Crashes;
using Xunit;

namespace Runtime.Tests.Supervision.Crashes;

public sealed class CgroupOomEvidenceTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void ReadOomKillCount_CgroupV2MemoryEvents_ReadsOomKill()
    {
        File.WriteAllText(_file, "low 0\nhigh 0\nmax 12\noom 3\noom_kill 2\noom_group_kill 0\n");

        new CgroupOomEvidence(_file).ReadOomKillCount().Should().Be(2);
    }

    [Fact]
    public void ReadOomKillCount_CgroupV1OomControl_ReadsOomKill()
    {
        File.WriteAllText(_file, "oom_kill_disable 0\nunder_oom 0\noom_kill 7\n");

        new CgroupOomEvidence(_file).ReadOomKillCount().Should().Be(7);
    }

    [Fact]
    public void ReadOomKillCount_NoCounter_IsNull()
    {
        File.WriteAllText(_file, "low 0\n");

        new CgroupOomEvidence(_file).ReadOomKillCount().Should().BeNull();
    }

    [Fact]
    public void ReadOomKillCount_MissingFile_IsNull() =>
        new CgroupOomEvidence("/nonexistent/memory.events").ReadOomKillCount().Should().BeNull();
}
