using LivingDoc.Messages;

namespace LivingDoc.Tests;

/// <summary>The commit and branch of a checkout, read from its files as git rev-parse would say them.</summary>
public sealed class GitInfoTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("living-doc-git-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Of_ABranchInPackedRefs_GivesItsCommit()
    {
        var git = Directory.CreateDirectory(Path.Combine(_folder, ".git")).FullName;
        File.WriteAllText(Path.Combine(git, "HEAD"), "ref: refs/heads/feature/x\n");
        File.WriteAllText(Path.Combine(git, "packed-refs"), "# pack-refs\n0123456789abcdef0123456789abcdef01234567 refs/heads/feature/x\n");
        var features = Directory.CreateDirectory(Path.Combine(_folder, "features", "supervision")).FullName;

        GitInfo.Of(features).Should().Be(("0123456789abcdef0123456789abcdef01234567", "feature/x"));
    }

    [Fact]
    public void Of_AWorktreeWithADetachedHead_GivesTheCommitAndNoBranch()
    {
        var gitDir = Directory.CreateDirectory(Path.Combine(_folder, "main.git", "worktrees", "w")).FullName;
        File.WriteAllText(Path.Combine(gitDir, "HEAD"), "89abcdef0123456789abcdef0123456789abcdef\n");
        var worktree = Directory.CreateDirectory(Path.Combine(_folder, "w")).FullName;
        File.WriteAllText(Path.Combine(worktree, ".git"), "gitdir: " + gitDir + "\n");

        GitInfo.Of(worktree).Should().Be(("89abcdef0123456789abcdef0123456789abcdef", (string?)null));
    }

    [Fact]
    public void Of_ThisRepository_GivesACommit()
    {
        GitInfo.Of(Path.Combine(Support.Repository.Root(), "features")).Commit.Should().MatchRegex("^[0-9a-f]{40}$");
    }
}
