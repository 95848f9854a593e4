using System.Diagnostics;

namespace FeatureCodeBehind.Tests.Parsing;

/// <summary>The tool as MSBuild runs it: canonical errors and warnings, exit codes, files written only when changed.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("codebehind-cli-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void Run_MalformedFeature_PrintsAnMsBuildErrorWithFileLineAndColumn()
    {
        var feature = Write("features/broken.feature", "Feature: Broken\n  Scenario: ok\n    Given a step\n\n  Background:\n    Given late\n");

        var (exit, output) = Run(Manifest(feature), "");

        exit.Should().Be(1);
        output.Should().Contain($"{feature}(5,3): error FCB0001: (5:3): expected:");
    }

    [Fact]
    public void Run_UnknownAndIllTypedSettings_WarnNamingTheSetting()
    {
        var config = Write("reqnroll.json", """{ "generator": { "addNonParallelizableMarkerForTags": "serial", "colour": 1 }, "language": { "feature": 7 } }""");

        var (exit, output) = Run(Manifest(), config);

        exit.Should().Be(0);
        output.Should().Contain("warning FCB0003: unknown setting 'generator.colour'")
            .And.Contain("warning FCB0003: setting 'generator.addNonParallelizableMarkerForTags' should be an array")
            .And.Contain("warning FCB0003: setting 'language.feature' should be a culture name");
    }

    [Fact]
    public void Run_InvalidJson_IsAnErrorWithTheLine()
    {
        var config = Write("reqnroll.json", "{\n  \"generator\": { ,\n}");

        var (exit, output) = Run(Manifest(), config);

        exit.Should().Be(1);
        output.Should().Contain($"{config}(2,").And.Contain("error FCB0002: invalid reqnroll.json");
    }

    [Fact]
    public void Run_Twice_DoesNotRewriteUnchangedFiles()
    {
        var manifest = Manifest(Write("features/a.feature", "Feature: A\n  Scenario: s\n    Given x\n"));
        Run(manifest, "").Exit.Should().Be(0);
        var code = Path.Combine(_work, "out", "features/a.feature.cs");
        var first = File.GetLastWriteTimeUtc(code);
        File.SetLastWriteTimeUtc(code, first.AddHours(-1));

        Run(manifest, "").Exit.Should().Be(0);

        File.GetLastWriteTimeUtc(code).Should().Be(first.AddHours(-1), "an unchanged output keeps its time stamp, so the compiler's inputs stay the same");
        File.Exists(Path.Combine(_work, "out", "features/a.feature.ndjson")).Should().BeTrue();
    }

    [Fact]
    public void Run_AfterEditingOneFeature_RegeneratesOnlyThatFeature()
    {
        var a = Write("features/a.feature", "Feature: A\n  Scenario: s\n    Given x\n");
        var b = Write("features/b.feature", "Feature: B\n  Scenario: s\n    Given x\n");
        var manifest = Manifest(a, b);
        Run(manifest, "").Exit.Should().Be(0);
        var (codeA, codeB) = (Path.Combine(_work, "out", "features/a.feature.cs"), Path.Combine(_work, "out", "features/b.feature.cs"));
        File.WriteAllText(b, "Feature: B\n  Scenario: s\n    Given y\n  Scenario: t\n    Given z\n");
        File.WriteAllText(codeA, File.ReadAllText(codeA) + "// marker: not regenerated\n");

        Run(manifest, "").Exit.Should().Be(0);

        File.ReadAllText(codeA).Should().Contain("marker", "an unchanged feature is neither parsed nor written again");
        File.ReadAllText(codeB).Should().Contain("Scenarios(\"S\", \"T\")", "the edited feature is generated again");
    }

    [Fact]
    public void Run_AnEditThatMakesTwoTitlesCollide_RenamesTheUnchangedFeatureToo()
    {
        var a = Write("features/a.feature", "Feature: Drain\n  Scenario: s\n    Given x\n");
        var b = Write("features/b.feature", "Feature: Reload\n  Scenario: s\n    Given x\n");
        var manifest = Manifest(a, b);
        Run(manifest, "").Exit.Should().Be(0);

        File.WriteAllText(b, "Feature: Drain\n  Scenario: s\n    Given x\n");
        Run(manifest, "").Exit.Should().Be(0);

        File.ReadAllText(Path.Combine(_work, "out", "features/a.feature.cs")).Should().Contain("class AFeature");
        File.ReadAllText(Path.Combine(_work, "out", "features/b.feature.cs")).Should().Contain("class BFeature");
    }

    [Fact]
    public void Run_AfterASettingChanges_RegeneratesEveryFeature()
    {
        var manifest = Manifest(Write("features/a.feature", "@serial\nFeature: A\n  Scenario: s\n    Given x\n"));
        Run(manifest, Write("reqnroll.json", "{}")).Exit.Should().Be(0);
        var code = Path.Combine(_work, "out", "features/a.feature.cs");
        File.ReadAllText(code).Should().NotContain("ReqnrollNonParallelizableFeatures");

        Run(manifest, Write("reqnroll.json", """{ "generator": { "addNonParallelizableMarkerForTags": ["serial"] } }""")).Exit.Should().Be(0);

        File.ReadAllText(code).Should().Contain("ReqnrollNonParallelizableFeatures");
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_work, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private string Manifest(params string[] features) =>
        Write("features.txt", string.Join("\n", features.Select(f => f + "|" + Path.GetRelativePath(_work, f))));

    private (int Exit, string Output) Run(string manifest, string config)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "feature-codebehind.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "exec", tool, manifest, Path.Combine(_work, "out"), "Specs", config })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(60_000).Should().BeTrue("the tool should finish");
        return (process.ExitCode, output.Result + error.Result);
    }
}
