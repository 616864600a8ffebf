using System.Threading;
using System.Threading.Tasks;
using TlsAnalyzers.Tests.Catalog;
using Xunit.Abstractions;

namespace TlsAnalyzers.Tests.Robustness;

/// <summary>
/// Applies every code fix and every document-scope FixAll that the rules offer on the samples, the code-fix tests'
/// inputs and the realistic programs. A result fails when it does not compile, keeps the diagnostic, adds another
/// one or changes code outside the rewritten construct.
/// </summary>
public sealed class FixEverythingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task CodeFixes_FixEverythingCleanly()
    {
        var factory = await CompilationFactory.GetAsync(CancellationToken.None);
        var checker = new FixChecker(factory, RuleCatalog.Analyzers, RuleCatalog.CodeFixes);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var total = new FixCheckResult();
        var inputs = SourceCorpus.FixInputs();

        foreach (var entry in inputs)
        {
            total.Add(await checker.CheckAsync(entry, CancellationToken.None));
        }

        RobustnessReport.Publish(output, $"Fix check: {total.DiagnosticsFixed} of {total.DiagnosticsFound} diagnostics "
            + $"fixed in {inputs.Length} sources, {total.ActionsApplied} code actions (of them {total.FixAllsApplied} "
            + $"document FixAlls) applied, {total.FixAllsSkippedInGeneratedCode} FixAlls in generated files skipped, "
            + $"{total.Failures.Count} failures, {stopwatch.Elapsed.TotalSeconds:F0} s");
        foreach (var unfixed in total.Unfixed)
        {
            output.WriteLine("No code action offered for " + unfixed);
        }

        Assert.True(total.Failures.Count == 0, string.Join("\n", total.Failures));
    }
}
