using System;
using System.Collections.Generic;
using System.Linq;
using TlsAnalyzers.Benchmarks.Measurement;

namespace TlsAnalyzers.Benchmarks.Reporting;

/// <summary>One performance target of TlsAnalyzers, checked against ratios taken within one run.</summary>
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
                ours.AnalyzerTime, netAnalyzers.AnalyzerTime, MaxShareOfNetAnalyzers),
            ShareOf(
                "TlsAnalyzers analyzer time at most 2% of the bare compile's wall time",
                ours.AnalyzerTime, bare.Wall, MaxShareOfBareCompile),
            WallVersusBare("Wall vs bare: TlsAnalyzers no worse than the NetAnalyzers TLS rules", bare, ours, netAnalyzers),
            ShareOf("For comparison: TlsAnalyzers analyzer time vs the Sonar TLS rules'", ours.AnalyzerTime, sonar.AnalyzerTime, null),
            WallVersusBare("For comparison: wall vs bare, TlsAnalyzers and the Sonar TLS rules", bare, ours, sonar, isTarget: false),
        ];
    }

    private static ConfigurationSummary Find(BenchmarkResult result, string label) =>
        result.Summaries.Single(summary => summary.Configuration.Label == label);

    private static TargetCheck ShareOf(string description, TimeSpan ours, TimeSpan reference, double? maximum)
    {
        var share = Format.Divide(ours, reference);
        var measured = $"{Format.Milliseconds(ours)} vs {Format.Milliseconds(reference)}"
            + (share is { } value ? $" = {Format.Percent(value)}" : "");
        var outcome = maximum is null ? "-" : share is null ? "n/a" : share <= maximum ? "met" : "missed";
        return new TargetCheck(description, measured, outcome);
    }

    private static TargetCheck WallVersusBare(
        string description,
        ConfigurationSummary bare,
        ConfigurationSummary ours,
        ConfigurationSummary peer,
        bool isTarget = true)
    {
        var ourRatio = Format.Divide(ours.Wall, bare.Wall) ?? 0;
        var peerRatio = Format.Divide(peer.Wall, bare.Wall) ?? 0;
        var measured = $"{Format.Ratio(ourRatio)} vs {Format.Ratio(peerRatio)}";
        var outcome = !isTarget ? "-" : ourRatio <= peerRatio ? "met" : "missed";
        return new TargetCheck(description, measured, outcome);
    }
}
