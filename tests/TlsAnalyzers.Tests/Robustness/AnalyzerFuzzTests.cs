using System.Threading;
using System.Threading.Tasks;
using TlsAnalyzers.Tests.Catalog;

using Xunit.Abstractions;

namespace TlsAnalyzers.Tests.Robustness;

/// <summary>
/// Fuzzes every TlsAnalyzers analyzer with mutants of the test sources, the samples and the realistic programs. An
/// analyzer that throws shows users AD0001 and silently stops reporting, so any exception fails the test with the
/// seed and the text of the mutant. The size of the run comes from <see cref="RobustnessBudget"/>.
/// </summary>
public sealed class AnalyzerFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Analyzers_SurviveMutants()
    {
        var budget = RobustnessBudget.FromEnvironment();
        var factory = await CompilationFactory.GetAsync(CancellationToken.None);
        var fuzzer = new AnalyzerFuzzer(factory, RuleCatalog.Analyzers, SourceCorpus.All);

        var result = await fuzzer.RunAsync(budget, CancellationToken.None);

        RobustnessReport.Publish(output, $"Analyzer fuzzing: {result.Mutants} mutants of {SourceCorpus.All.Length} "
            + $"sources ({result.MutantsWithDiagnostics} with diagnostics), {RuleCatalog.Analyzers.Length} analyzers, "
            + $"{result.Failures.Count} failures, "
            + $"{result.Elapsed.TotalSeconds:F0} s (seeds {budget.Seed}..{budget.Seed + result.Mutants - 1})");
        Assert.True(result.Failures.Count == 0, string.Join("\n", result.Failures));
        Assert.True(result.Mutants > 0, "No mutant ran; check TLS_FUZZ_MUTANTS and TLS_FUZZ_SECONDS.");
    }
}
