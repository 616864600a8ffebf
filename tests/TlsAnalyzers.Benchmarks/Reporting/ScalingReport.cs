using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TlsAnalyzers.Benchmarks.Measurement;

namespace TlsAnalyzers.Benchmarks.Reporting;

/// <summary>Writes how each configuration's time grows with the size of the generated corpus.</summary>
internal static class ScalingReport
{
    /// <summary>Growth allowed from the smallest to the largest scale, which has 8 times the lines.</summary>
    private const double MaxGrowth = 10;

    public static void Write(IReadOnlyList<(double Scale, BenchmarkResult Result)> results, TextWriter output)
    {
        var configurations = results[0].Result.Summaries.Select(summary => summary.Configuration).ToList();
        output.WriteLine("## Scaling");
        output.WriteLine();
        output.Write("| Scale | Lines |");
        foreach (var configuration in configurations)
        {
            output.Write($" {configuration.Label} wall | {configuration.Label} analyzer time |");
        }

        output.WriteLine();
        output.WriteLine("|---:|---:|" + string.Concat(Enumerable.Repeat("---:|---:|", configurations.Count)));
        foreach (var (scale, result) in results)
        {
            output.Write($"| {Format.Scale(scale)} | {Format.Count(result.Corpus.LineCount)} |");
            foreach (var summary in result.Summaries)
            {
                output.Write($" {Format.Seconds(summary.Wall)} | {Format.Milliseconds(summary.AnalyzerTime)} |");
            }

            output.WriteLine();
        }

        output.WriteLine();
        WriteGrowth(results, output);
    }

    private static void WriteGrowth(IReadOnlyList<(double Scale, BenchmarkResult Result)> results, TextWriter output)
    {
        var (firstScale, first) = results[0];
        var (lastScale, last) = results[^1];
        var lineGrowth = (double)last.Corpus.LineCount / first.Corpus.LineCount;
        output.WriteLine($"Growth from scale {Format.Scale(firstScale)} to {Format.Scale(lastScale)} "
            + $"({Format.Ratio(lineGrowth)} the lines; the target is at most {Format.Ratio(MaxGrowth)}):");
        output.WriteLine();
        output.WriteLine("| Configuration | Wall growth | Analyzer time growth | Analyzer time target |");
        output.WriteLine("|---|---:|---:|---|");
        for (var index = 0; index < first.Summaries.Count; index++)
        {
            var small = first.Summaries[index];
            var large = last.Summaries[index];
            var wallGrowth = Format.Divide(large.Wall, small.Wall);
            var analyzerGrowth = Format.Divide(large.AnalyzerTime, small.AnalyzerTime);
            var outcome = analyzerGrowth is not { } growth ? "n/a" : growth <= MaxGrowth ? "met" : "missed";
            output.WriteLine($"| {small.Configuration.Label}. {small.Configuration.Name} "
                + $"| {FormatGrowth(wallGrowth)} | {FormatGrowth(analyzerGrowth)} | {outcome} |");
        }

        output.WriteLine();
    }

    private static string FormatGrowth(double? growth) => growth is { } value ? Format.Ratio(value) : "-";
}
