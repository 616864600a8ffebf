using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TlsAnalyzers.Benchmarks.Analysis;
using TlsAnalyzers.Benchmarks.Corpus;
using TlsAnalyzers.Benchmarks.Measurement;

namespace TlsAnalyzers.Benchmarks.Tests;

public sealed class MeasurementTests
{
    private const string Source = """
        public class First { }
        public class Second { public int Value => 1; }
        public interface INotAClass { }
        """;

    private static readonly AnalyzerConfiguration Sample = new(
        "B", "Sample", "tests", [new ClassDeclarationAnalyzer()], ["SAMPLE001"]);

    [Fact]
    public void RotatedOrder_ShiftsOnePerRound()
    {
        var configurations = AnalyzerCatalog.Load();
        var session = new BenchmarkSession(TinyCorpus(), ReferenceAssemblies.Find(), configurations, TextWriter.Null);

        Assert.Equal("ABCD", Labels(session, 0));
        Assert.Equal("BCDA", Labels(session, 1));
        Assert.Equal("CDAB", Labels(session, 2));
        Assert.Equal("ABCD", Labels(session, 4));
    }

    [Theory]
    [InlineData(new double[] { 3, 1, 2 }, 2)]
    [InlineData(new double[] { 4, 1, 3, 2 }, 2.5)]
    [InlineData(new double[] { 7 }, 7)]
    public void Median_OddAndEvenCounts(double[] values, double expected)
    {
        Assert.Equal(expected, ConfigurationSummary.Median(values));
    }

    [Fact]
    public async Task Measure_WithAnalyzer_CountsDiagnosticsAndTime()
    {
        var runner = new ConfigurationRunner(TinyCorpus(), ReferenceAssemblies.Find());

        var run = await runner.MeasureAsync(Sample, CancellationToken.None);

        Assert.Equal(2, run.DiagnosticsById["SAMPLE001"]);
        Assert.True(run.AnalyzerTimes.ContainsKey(nameof(ClassDeclarationAnalyzer)));
        Assert.True(run.Wall > TimeSpan.Zero);
        Assert.True(run.AllocatedBytes > 0);
        Assert.True(run.PeakManagedBytes > 0);
        Assert.Empty(run.AnalyzerFailures);
        Assert.Null(run.CompilerDiagnostics);
    }

    [Fact]
    public async Task Measure_BareCompile_CountsCompilerDiagnostics()
    {
        var corpus = TinyCorpus("class Broken { void M() { int x = } }");
        var runner = new ConfigurationRunner(corpus, ReferenceAssemblies.Find());

        var run = await runner.MeasureAsync(AnalyzerConfiguration.BareCompile, CancellationToken.None);

        Assert.NotNull(run.CompilerDiagnostics);
        Assert.True(run.CompilerDiagnostics.Errors > 0);
        Assert.Empty(run.DiagnosticsById);
        Assert.Empty(run.AnalyzerTimes);
    }

    [Fact]
    public async Task Session_MeasuresEveryConfigurationEachRound()
    {
        var session = new BenchmarkSession(
            TinyCorpus(), ReferenceAssemblies.Find(), [AnalyzerConfiguration.BareCompile, Sample], TextWriter.Null);

        var result = await session.RunAsync(warmupRounds: 1, repetitions: 3, CancellationToken.None);

        Assert.Equal(2, result.Summaries.Count);
        Assert.All(result.Summaries, summary => Assert.Equal(3, summary.Runs.Count));
        Assert.Equal(2, result.Summaries[1].RuleDiagnosticCount);
        Assert.False(result.Summaries[1].FindingsVary);
    }

    [Fact]
    public async Task TimedAnalyzer_UnsupportedRegistration_Fails()
    {
        var timed = new ActionTimingAnalyzer(new ClassDeclarationAnalyzer(), new ActionTimes());
        var configuration = new AnalyzerConfiguration("B", "Timed", "tests", [timed], ["SAMPLE001"]);
        var runner = new ConfigurationRunner(TinyCorpus(), ReferenceAssemblies.Find());

        var run = await runner.MeasureAsync(configuration, CancellationToken.None);

        var failure = Assert.Single(run.AnalyzerFailures);
        Assert.StartsWith(
            $"{nameof(ClassDeclarationAnalyzer)}: NotSupportedException:", failure, StringComparison.Ordinal);
        Assert.Contains("does not time symbol actions", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimedAnalyzer_ThrowingAction_Counted()
    {
        var times = new ActionTimes();
        var timed = new ActionTimingAnalyzer(new ThrowingLiteralAnalyzer(), times);
        var configuration = new AnalyzerConfiguration("B", "Timed", "tests", [timed], ["SAMPLE001"]);
        var runner = new ConfigurationRunner(TinyCorpus(), ReferenceAssemblies.Find());

        var run = await runner.MeasureAsync(configuration, CancellationToken.None);

        var round = Assert.Single(times.Rounds());
        Assert.Equal(1, round[$"{nameof(ThrowingLiteralAnalyzer)}: compilation start"].Calls);
        Assert.Equal(1, round[$"{nameof(ThrowingLiteralAnalyzer)}: operation Literal"].Calls);
        Assert.Equal(2, round[$"{nameof(ThrowingLiteralAnalyzer)}: syntax ClassDeclaration"].Calls);
        Assert.Contains(run.AnalyzerFailures, failure => failure.Contains("sample failure", StringComparison.Ordinal));
        Assert.True(run.AnalyzerTimes.ContainsKey(nameof(ThrowingLiteralAnalyzer)));
    }

    private static string Labels(BenchmarkSession session, int round) =>
        string.Concat(session.RotatedOrder(round).Select(configuration => configuration.Label));

    private static CodeCorpus TinyCorpus(string source = Source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, CodeCorpus.ParseOptions, "Tiny.cs", Encoding.UTF8);
        return new CodeCorpus("tiny", [tree], CodeCorpus.CountLines(source), null, TimeSpan.Zero);
    }
}
