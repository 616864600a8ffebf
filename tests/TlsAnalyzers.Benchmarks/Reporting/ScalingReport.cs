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
            var label = configuration.Label;
            output.Write($" {label} wall | {label} CPU | {label} analyzer time |");
        }

        output.WriteLine();
        output.WriteLine("|---:|---:|" + string.Concat(Enumerable.Repeat("---:|---:|---:|", configurations.Count)));
        foreach (var (scale, result) in results)
        {
            output.Write($"| {Format.Scale(scale)} | {Format.Count(result.Corpus.LineCount)} |");
            foreach (var summary in result.Summaries)
            {
                output.Write($" {Format.Seconds(summary.Wall)} | {Format.Seconds(summary.Cpu)} "
                    + $"| {Format.Milliseconds(summary.AnalyzerTime)} |");
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
        output.WriteLine("| Configuration | Wall growth | CPU growth | Analyzer time growth | Target (TlsAnalyzers) |");
        output.WriteLine("|---|---:|---:|---:|---|");
        for (var index = 0; index < first.Summaries.Count; index++)
        {
            var small = first.Summaries[index];
            var large = last.Summaries[index];
            var wallGrowth = Format.Divide(large.Wall, small.Wall);
            var cpuGrowth = Format.Divide(large.Cpu, small.Cpu);
            var analyzerGrowth = Format.Divide(large.AnalyzerTime, small.AnalyzerTime);
            var outcome = small.Configuration.Label == "B" ? Judge(analyzerGrowth) : "-";
            output.WriteLine($"| {small.Configuration.Label}. {small.Configuration.Name} "
                + $"| {FormatGrowth(wallGrowth)} | {FormatGrowth(cpuGrowth)} | {FormatGrowth(analyzerGrowth)} "
                + $"| {outcome} |");
        }

        output.WriteLine();
    }

    // The growth target is TlsAnalyzers' own; the other rows are there for comparison.
    private static string Judge(double? growth)
    {
        if (growth is not { } value)
        {
            return "n/a";
        }

        return value <= MaxGrowth ? "met" : "missed";
    }

    private static string FormatGrowth(double? growth) => growth is { } value ? Format.Ratio(value) : "-";
}
