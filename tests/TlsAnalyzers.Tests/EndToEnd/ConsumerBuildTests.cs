using System.IO;
using System.Linq;

namespace TlsAnalyzers.Tests.EndToEnd;

/// <summary>
/// Installs the packed package in a new web project and runs the real tools on it: a warnings-as-errors build must
/// fail at exactly the marked lines, <c>dotnet format analyzers</c> must fix every diagnostic, and the fixed project
/// must build with no warning at all.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ConsumerBuildTests
{
    private static readonly string[] AllRuleIds = Enumerable.Range(1, 10).Select(number => $"TLS{number:000}").ToArray();

    private readonly PackageFixture package;

    public ConsumerBuildTests(PackageFixture package)
    {
        this.package = package;
    }

    [Fact]
    public void Consumer_FailsBuildThenFormatFixesIt()
    {
        Assert.True(package.PackagePath is not null, package.PackResult.ToString());
        var consumer = ConsumerProject.Create(package.WorkFolder, package.FeedFolder, package.PackageVersion);
        var expected = consumer.ReadExpectedDiagnostics();
        Assert.NotEmpty(expected);

        var restore = Run(consumer, "restore", consumer.ProjectPath);
        Assert.True(restore.ExitCode == 0, restore.ToString());

        var insecureBuild = Build(consumer);
        Assert.True(insecureBuild.ExitCode != 0, "the insecure build passed:\n" + insecureBuild);
        Assert.Equal(expected, ConsumerProject.ParseTlsDiagnostics(insecureBuild.Output));
        Assert.Empty(ConsumerProject.ParseOtherErrors(insecureBuild.Output));

        var sourcesBefore = ReadSources(consumer);
        var format = Run(consumer, ["format", "analyzers", consumer.ProjectPath, "--no-restore", "--severity", "warn",
            "--diagnostics", .. AllRuleIds]);
        Assert.True(format.ExitCode == 0, format.ToString());
        Assert.NotEqual(sourcesBefore, ReadSources(consumer));

        var fixedBuild = Build(consumer);
        Assert.True(fixedBuild.ExitCode == 0, "the fixed build failed:\n" + fixedBuild + "\n" + ReadSources(consumer));
        Assert.Empty(ConsumerProject.ParseTlsDiagnostics(fixedBuild.Output));
        Assert.Contains("0 Warning(s)", fixedBuild.Output, System.StringComparison.Ordinal);
    }

    private CommandResult Build(ConsumerProject consumer) => Run(
        consumer, "build", consumer.ProjectPath, "--no-restore", "-warnaserror", "-nodeReuse:false", "-p:UseSharedCompilation=false");

    private CommandResult Run(ConsumerProject consumer, params string[] arguments) =>
        package.Cli.Run(consumer.Folder, arguments);

    private static string ReadSources(ConsumerProject consumer) => string.Join(
        "\n",
        Directory.GetFiles(consumer.Folder, "*.cs").Order().Select(path => $"// {Path.GetFileName(path)}\n{File.ReadAllText(path)}"));
}
