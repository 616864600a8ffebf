using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TlsAnalyzers.Benchmarks.Tests;

/// <summary>Runs the program's entry point in-process at a tiny scale: CI's proof that the benchmark works.</summary>
public sealed class BenchmarkRunTests
{
    private static readonly string[] Rows =
        ["| A. Bare compile |", "| B. TlsAnalyzers |", "| C. NetAnalyzers TLS rules |", "| D. Sonar TLS rules |"];

    [Fact]
    public async Task GeneratedCorpus_PrintsTableWithPeerFindings()
    {
        var (exitCode, output, progress) = await RunAsync("--scale", "0.02", "--repetitions", "1", "--warmup", "0");

        Assert.Equal(0, exitCode);
        Assert.All(Rows, row => Assert.Contains(row, output, StringComparison.Ordinal));
        Assert.DoesNotContain("    CertificateValidationDisabledAnalyzer: ", progress, StringComparison.Ordinal);
        Assert.Contains("Compiler diagnostics: 0 errors", output, StringComparison.Ordinal);
        Assert.True(RuleDiagnostics(output, Rows[2]) > 0, "NetAnalyzers found nothing in the generated corpus.");
        Assert.True(RuleDiagnostics(output, Rows[3]) > 0, "Sonar found nothing in the generated corpus.");
        Assert.DoesNotContain("AD0001", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_RunsOneConfigurationAlone()
    {
        var (exitCode, output, progress) = await RunAsync(
            "--profile", "B", "--scale", "0.02", "--repetitions", "1", "--warmup", "0");

        Assert.Equal(0, exitCode);
        Assert.Contains("Configuration B alone", output, StringComparison.Ordinal);

        // Each round's progress line is followed by that round's time for every analyzer of the configuration.
        Assert.Contains("round 1: B TlsAnalyzers:", progress, StringComparison.Ordinal);
        Assert.Contains("    CertificateValidationDisabledAnalyzer: ", progress, StringComparison.Ordinal);
        Assert.Contains("| B | CertificateValidationDisabledAnalyzer |", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Rows[2], output, StringComparison.Ordinal);
        Assert.DoesNotContain("| Target |", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfileWithActions_TimesEachAction()
    {
        var (exitCode, output, _) = await RunAsync(
            "--profile", "B", "--actions", "--scale", "0.02", "--repetitions", "2", "--warmup", "1");

        Assert.Equal(0, exitCode);
        Assert.Contains("Time of each action over 2 measured rounds", output, StringComparison.Ordinal);
        Assert.Contains(
            "| CertificateValidationDisabledAnalyzer: semantic model |", output, StringComparison.Ordinal);

        // An operation action of any rule makes Roslyn build the operation tree of every method, so none is left.
        Assert.DoesNotContain(": operation ", output, StringComparison.Ordinal);
        Assert.Contains(
            "| CertificateValidationDisabledAnalyzer: compilation start | 1 |", output, StringComparison.Ordinal);
        Assert.Contains("| MissingHstsAnalyzer: compilation end | 1 |", output, StringComparison.Ordinal);

        // The per-analyzer table still names the analyzers, not the timing wrapper around them.
        Assert.Contains("| B | CertificateValidationDisabledAnalyzer |", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ActionTimingAnalyzer", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FolderWithCompileErrors_StillMeasures()
    {
        var root = Directory.CreateTempSubdirectory("benchmark-folder").FullName;
        await File.WriteAllTextAsync(Path.Combine(root, "Broken.cs"), """
            using System.Security.Authentication;
            class Client
            {
                SslProtocols Protocols = SslProtocols.Tls11
                void Connect( { }
            }
            """);

        var (exitCode, output, _) = await RunAsync("--corpus", root, "--repetitions", "1", "--warmup", "0");

        Assert.Equal(0, exitCode);
        Assert.All(Rows, row => Assert.Contains(row, output, StringComparison.Ordinal));
        Assert.DoesNotContain("Compiler diagnostics: 0 errors", output, StringComparison.Ordinal);
        Assert.Contains("1 files under", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scaling_PrintsGrowthTable()
    {
        var (exitCode, output, _) = await RunAsync(
            "--scaling", "--scale", "0.005", "--repetitions", "1", "--warmup", "0");

        Assert.Equal(0, exitCode);
        Assert.Contains("## Scaling", output, StringComparison.Ordinal);
        Assert.Contains("| 0.04 |", output, StringComparison.Ordinal);
        Assert.Contains("Growth from scale 0.005 to 0.04", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteCorpus_WritesGeneratedFiles()
    {
        var root = Directory.CreateTempSubdirectory("benchmark-write").FullName;

        var (exitCode, output, _) = await RunAsync("--write-corpus", root, "--scale", "0.01");

        var files = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories);
        Assert.Equal(0, exitCode);
        Assert.NotEmpty(files);
        Assert.Contains($"Wrote {files.Length} files", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpAmongOtherArguments_PrintsUsage()
    {
        var (exitCode, output, _) = await RunAsync("--scale", "0.05", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("| B. TlsAnalyzers |", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidArgument_ExitsWithUsage()
    {
        var (exitCode, output, progress) = await RunAsync("--scale", "zero");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("Invalid --scale 'zero'", progress, StringComparison.Ordinal);
        Assert.Contains("Usage:", progress, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Progress)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var progress = new StringWriter();
        var exitCode = await Program.RunAsync(args, output, progress, CancellationToken.None);
        return (exitCode, output.ToString(), progress.ToString());
    }

    // The third cell of a configuration's row in the main table.
    private static int RuleDiagnostics(string output, string rowStart)
    {
        var row = output.Split('\n').First(line => line.StartsWith(rowStart, StringComparison.Ordinal));
        var cell = row.Split('|')[3].Trim().Replace(",", "", StringComparison.Ordinal);
        return int.Parse(cell, System.Globalization.CultureInfo.InvariantCulture);
    }
}
