using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TlsAnalyzers.Tests.Robustness;

/// <summary>
/// Shows that the fuzzer and the fix check fail when they should, with test-only analyzers and fixers that have the
/// defects the checks look for. Without these tests a harness that checks nothing would pass as well.
/// </summary>
public sealed class HarnessTests
{
    private const string Source = """
        using System.Security.Authentication;

        namespace Probe
        {
            // Kept by every correct fix.
            internal static class Settings
            {
                public static SslProtocols Get()
                {
                    var first = SslProtocols.Ssl3;

                    var second = SslProtocols.Ssl3 | SslProtocols.Tls12;
                    return first | second;
                }
            }
        }
        """;

    private static readonly CorpusEntry Entry = CorpusEntry.Single("probe", Source);

    [Fact]
    public async Task Fuzzer_ReportsCrashWithReplayableSeed()
    {
        var factory = await CompilationFactory.GetAsync(CancellationToken.None);
        var fuzzer = new AnalyzerFuzzer(factory, [new ShadowingCrashProbeAnalyzer()], [Entry]);

        var result = await fuzzer.RunAsync(new RobustnessBudget(60, null, Seed: 1), CancellationToken.None);

        var failure = Assert.Single(result.Failures.Take(1));
        Assert.Contains("TLS_FUZZ_SEED=", failure);
        Assert.Contains("ShadowingCrashProbeAnalyzer threw System.InvalidOperationException", failure);
        Assert.Contains("----- mutant -----", failure);

        var seed = int.Parse(failure.Split("TLS_FUZZ_SEED=")[1].Split(' ')[0]);
        var replay = await fuzzer.RunMutantAsync(seed, CancellationToken.None);
        Assert.Equal(failure, replay.Failure);
    }

    [Fact]
    public async Task Fuzzer_PassesCorrectAnalyzer()
    {
        var factory = await CompilationFactory.GetAsync(CancellationToken.None);
        var fuzzer = new AnalyzerFuzzer(factory, [new Ssl3ProbeAnalyzer()], [Entry]);

        var result = await fuzzer.RunAsync(new RobustnessBudget(60, null, Seed: 1), CancellationToken.None);

        Assert.Equal(60, result.Mutants);
        Assert.InRange(result.MutantsWithDiagnostics, 1, 60);
        Assert.Empty(result.Failures);
    }

    [Theory]
    [InlineData(ProbeFix.UseTls12)]
    [InlineData(ProbeFix.InsertStatementBefore)]
    public async Task FixCheck_AcceptsCorrectFix(ProbeFix kind)
    {
        var result = await CheckAsync(kind);

        Assert.Empty(result.Failures);
        Assert.Equal(2, result.DiagnosticsFound);
        Assert.Equal(2, result.DiagnosticsFixed);
        Assert.Equal(1, result.FixAllsApplied);
        Assert.Equal(3, result.ActionsApplied);
    }

    [Theory]
    [InlineData(ProbeFix.UseMissingMember, "new error CS0117")]
    [InlineData(ProbeFix.KeepSsl3, "PROBE1 is still reported")]
    [InlineData(ProbeFix.ReformatFile, "it changes text outside the fixed construct")]
    public async Task FixCheck_ReportsBrokenFix(ProbeFix kind, string expectedProblem)
    {
        var result = await CheckAsync(kind);

        Assert.Equal(3, result.Failures.Count);
        Assert.All(result.Failures, failure => Assert.Contains(expectedProblem, failure));
    }

    private static async Task<FixCheckResult> CheckAsync(ProbeFix kind)
    {
        var factory = await CompilationFactory.GetAsync(CancellationToken.None);
        var checker = new FixChecker(
            factory,
            ImmutableArray.Create<DiagnosticAnalyzer>(new Ssl3ProbeAnalyzer()),
            ImmutableArray.Create<CodeFixProvider>(new Ssl3ProbeFixer(kind)));
        return await checker.CheckAsync(Entry, CancellationToken.None);
    }
}
