using FluentAssertions;
using Runtime.Supervision.Crashes;
using Xunit;

namespace Runtime.Tests.Supervision.Crashes;

/// <summary>Finding the counter file from a /proc/self/cgroup listing, against a made-up /sys/fs/cgroup tree.</summary>
public sealed class CgroupOomEvidenceLocateTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cgroup-").FullName;

    private string ProcCgroup => Path.Combine(_root, "cgroup");

    private string Sys => Path.Combine(_root, "sys");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void CgroupV2_ItsMemoryEvents()
    {
        var events = Touch("user.slice/engine", "memory.events");
        List("0::/user.slice/engine");

        CgroupOomEvidence.Locate(ProcCgroup, Sys).Should().Be(events);
    }

    [Theory]
    [InlineData("4:memory:/docker/abc")]
    [InlineData("4:cpu,memory:/docker/abc")]
    public void CgroupV1_TheMemoryControllersOomControl(string line)
    {
        var control = Touch("memory/docker/abc", "memory.oom_control");
        List("2:cpuacct:/", line, "0::/");

        CgroupOomEvidence.Locate(ProcCgroup, Sys).Should().Be(control);
    }

    [Fact]
    public void BothListedAndPresent_V2IsPreferred()
    {
        var events = Touch("engine", "memory.events");
        Touch("memory/engine", "memory.oom_control");
        List("4:memory:/engine", "0::/engine");

        CgroupOomEvidence.Locate(ProcCgroup, Sys).Should().Be(events);
    }

    [Fact]
    public void V2ListedWithoutItsFile_FallsBackToV1()
    {
        var control = Touch("memory/engine", "memory.oom_control");
        List("4:memory:/engine", "0::/engine");

        CgroupOomEvidence.Locate(ProcCgroup, Sys).Should().Be(control);
    }

    [Theory]
    [InlineData("0::/engine")]
    [InlineData("4:memory:/engine")]
    [InlineData("4:cpuacct:/engine", "1::/engine")]
    [InlineData("malformed", "0:/engine")]
    public void NoFileForTheListedGroups_IsNull(params string[] lines)
    {
        Touch("other", "memory.events");
        Touch("cpuacct/engine", "memory.oom_control");
        List(lines);

        CgroupOomEvidence.Locate(ProcCgroup, Sys).Should().BeNull();
    }

    [Theory]
    [InlineData("1::/engine")]
    [InlineData("0:cpu:/engine")]
    public void OnlyTheUnifiedHierarchyLine_IsV2(string line)
    {
        Touch("engine", "memory.events");
        List(line);

        CgroupOomEvidence.Locate(ProcCgroup, Sys).Should().BeNull("v2 is the line '0::<path>' alone");
    }

    [Fact]
    public void NoProcCgroup_IsNull()
    {
        CgroupOomEvidence.Locate(ProcCgroup, Sys).Should().BeNull();
    }

    [Fact]
    public void WithoutAFile_ThisProcessesCgroupIsLocated()
    {
        new CgroupOomEvidence().File.Should().Be(CgroupOomEvidence.Locate("/proc/self/cgroup", "/sys/fs/cgroup"));
    }

    private void List(params string[] lines) => File.WriteAllLines(ProcCgroup, lines);

    private string Touch(string group, string name)
    {
        var dir = Path.Combine(Sys, group);
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, name);
        File.WriteAllText(file, "oom_kill 0\n");
        return file;
    }
}
