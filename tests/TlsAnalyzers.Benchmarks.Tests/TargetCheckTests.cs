using System;
using System.Collections.Generic;
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

        var targets = TargetCheck.Evaluate(result);

        Assert.Equal("missed", Outcome(targets, "50%"));
        Assert.Equal("missed", Outcome(targets, "2%"));
        Assert.Equal("missed", Outcome(targets, "Wall vs bare"));
        Assert.Equal("missed", Outcome(targets, "CPU vs bare"));
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
        var summaries = configurations.Select(c => new ConfigurationSummary(c, [Run(0, 10, 20)])).ToList();
        var result = new BenchmarkResult(Corpus(), NoReferences(), 1, summaries);

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
            new ConfigurationSummary(
                Configuration("C"), [Run(netAnalyzers.Analyzer, netAnalyzers.Wall, netAnalyzers.Cpu)]),
            new ConfigurationSummary(Configuration("D"), [Run(1, 11, 22)]),
        };
        return new BenchmarkResult(Corpus(), NoReferences(), 1, summaries);
    }

    private static string Outcome(IReadOnlyList<TargetCheck> targets, string descriptionPart) =>
        targets.Single(target => target.Description.Contains(descriptionPart, StringComparison.Ordinal)).Outcome;

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
