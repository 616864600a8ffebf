using System;
using System.Collections.Generic;
using System.Linq;
using TlsAnalyzers.Benchmarks.Measurement;

namespace TlsAnalyzers.Benchmarks.Reporting;

/// <summary>One performance target of TlsAnalyzers, checked against ratios taken within one run.</summary>
/// <param name="Description">The target, or what a comparison row compares.</param>
/// <param name="Measured">The numbers behind the ratio.</param>
/// <param name="Outcome">"met", "missed", "n/a" when not measurable, "-" for a comparison without a target.</param>
internal sealed record TargetCheck(string Description, string Measured, string Outcome)
{
    private const double MaxShareOfNetAnalyzers = 0.5;
    private const double MaxShareOfBareCompile = 0.02;

    public static IReadOnlyList<TargetCheck> Evaluate(BenchmarkResult result)
    {
        var bare = Find(result, "A");
        var ours = Find(result, "B");
        var netAnalyzers = Find(result, "C");
        var sonar = Find(result, "D");
        if (ours.Configuration.Analyzers.IsEmpty)
        {
            const string NoRules = "not measurable: the TlsAnalyzers assembly contains no analyzers";
            return [new TargetCheck("All targets", NoRules, "n/a")];
        }

        return
        [
            ShareOf(
                "TlsAnalyzers analyzer time at most 50% of the NetAnalyzers TLS rules'",
                ours.AnalyzerTime,
                netAnalyzers.AnalyzerTime,
                MaxShareOfNetAnalyzers),
            ShareOf(
                "TlsAnalyzers analyzer time at most 2% of the bare compile's wall time",
                ours.AnalyzerTime,
                bare.Wall,
                MaxShareOfBareCompile),
            VersusBare(
                "Wall vs bare: TlsAnalyzers no worse than the NetAnalyzers TLS rules",
                summary => summary.Wall,
                bare,
                ours,
                netAnalyzers),
            VersusBare(
                "CPU vs bare: TlsAnalyzers no worse than the NetAnalyzers TLS rules",
                summary => summary.Cpu,
                bare,
                ours,
                netAnalyzers),
            ShareOf(
                "For comparison: TlsAnalyzers analyzer time vs the Sonar TLS rules'",
                ours.AnalyzerTime,
                sonar.AnalyzerTime,
                null),
            VersusBare(
                "For comparison: wall vs bare, TlsAnalyzers and the Sonar TLS rules",
                summary => summary.Wall,
                bare,
                ours,
                sonar,
                isTarget: false),
        ];
    }

    private static ConfigurationSummary Find(BenchmarkResult result, string label) =>
        result.Summaries.Single(summary => summary.Configuration.Label == label);

    private static TargetCheck ShareOf(string description, TimeSpan ours, TimeSpan reference, double? maximum)
    {
        var share = Format.Divide(ours, reference);
        var measured = $"{Format.Milliseconds(ours)} vs {Format.Milliseconds(reference)}";
        if (share is { } value)
        {
            measured += $" = {Format.Percent(value)}";
        }

        var met = share is null ? (bool?)null : share <= maximum;
        return new TargetCheck(description, measured, Judge(met, maximum is not null));
    }

    private static TargetCheck VersusBare(
        string description,
        Func<ConfigurationSummary, TimeSpan> time,
        ConfigurationSummary bare,
        ConfigurationSummary ours,
        ConfigurationSummary peer,
        bool isTarget = true)
    {
        var ourRatio = Format.Divide(time(ours), time(bare));
        var peerRatio = Format.Divide(time(peer), time(bare));
        var measured = $"{Format.Ratio(ourRatio ?? 0)} vs {Format.Ratio(peerRatio ?? 0)}";
        var met = ourRatio is null || peerRatio is null ? (bool?)null : ourRatio <= peerRatio;
        return new TargetCheck(description, measured, Judge(met, isTarget));
    }

    private static string Judge(bool? met, bool isTarget)
    {
        if (!isTarget)
        {
            return "-";
        }

        if (met is null)
        {
            return "n/a";
        }

        return met.Value ? "met" : "missed";
    }
}
