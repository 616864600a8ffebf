using System;
using System.Collections.Immutable;
using System.Linq;
using TlsAnalyzers.Benchmarks.Analysis;
using TlsAnalyzers.Benchmarks.Corpus;
using TlsAnalyzers.Benchmarks.Measurement;
using TlsAnalyzers.Benchmarks.Reporting;

namespace TlsAnalyzers.Benchmarks.Tests;

public sealed class TargetCheckTests
{
    [Fact]
    public void Evaluate_CheapRules_MeetEveryTarget()
    {
        var result = Result(ours: (0.1, 10.1, 20.1), netAnalyzers: (0.5, 10.6, 21.0));

        var outcomes = TargetCheck.Evaluate(result).Where(target => target.Outcome != "-").ToList();

        Assert.Equal(4, outcomes.Count);
        Assert.All(outcomes, target => Assert.Equal("met", target.Outcome));
    }

    [Fact]
    public void Evaluate_ExpensiveRules_MissTargets()
    {
        var result = Result(ours: (0.4, 11, 22.5), netAnalyzers: (0.5, 10.6, 21.0));

        var outcomes = TargetCheck.Evaluate(result).ToDictionary(target => target.Description, target => target.Outcome);

        Assert.Equal("missed", outcomes.Single(pair => pair.Key.Contains("50%", StringComparison.Ordinal)).Value);
        Assert.Equal("missed", outcomes.Single(pair => pair.Key.Contains("2%", StringComparison.Ordinal)).Value);
        Assert.Equal("missed", outcomes.Single(pair => pair.Key.StartsWith("Wall vs bare", StringComparison.Ordinal)).Value);
        Assert.Equal("missed", outcomes.Single(pair => pair.Key.StartsWith("CPU vs bare", StringComparison.Ordinal)).Value);
    }

    [Fact]
    public void Evaluate_NoTlsAnalyzers_ReportsNotMeasurable()
    {
        var configurations = new[]
        {
            AnalyzerConfiguration.BareCompile,
            new AnalyzerConfiguration("B", "TlsAnalyzers", "tests", [], []),
            Configuration("C"),
            Configuration("D"),
        };
        var result = new BenchmarkResult(
            Corpus(), NoReferences(), 1, configurations.Select(c => new ConfigurationSummary(c, [Run(0, 10, 20)])).ToList());

        var target = Assert.Single(TargetCheck.Evaluate(result));

        Assert.Equal("n/a", target.Outcome);
    }

    private static BenchmarkResult Result(
        (double Analyzer, double Wall, double Cpu) ours, (double Analyzer, double Wall, double Cpu) netAnalyzers)
    {
        var summaries = new[]
        {
            new ConfigurationSummary(AnalyzerConfiguration.BareCompile, [Run(0, 10, 20)]),
            new ConfigurationSummary(Configuration("B"), [Run(ours.Analyzer, ours.Wall, ours.Cpu)]),
            new ConfigurationSummary(Configuration("C"), [Run(netAnalyzers.Analyzer, netAnalyzers.Wall, netAnalyzers.Cpu)]),
            new ConfigurationSummary(Configuration("D"), [Run(1, 11, 22)]),
        };
        return new BenchmarkResult(Corpus(), NoReferences(), 1, summaries);
    }

    private static AnalyzerConfiguration Configuration(string label) =>
        new(label, label, "tests", [new ClassDeclarationAnalyzer()], ["SAMPLE001"]);

    private static RunMeasurement Run(double analyzerSeconds, double wallSeconds, double cpuSeconds) => new(
        TimeSpan.FromSeconds(wallSeconds),
        TimeSpan.FromSeconds(cpuSeconds),
        ImmutableSortedDictionary<string, TimeSpan>.Empty.Add("Sample", TimeSpan.FromSeconds(analyzerSeconds)),
        ImmutableSortedDictionary<string, int>.Empty,
        null,
        [],
        1,
        1);

    private static CodeCorpus Corpus() => new("test", [], 0, null, TimeSpan.Zero);

    private static ReferenceAssemblies NoReferences() => new("none", []);
}
