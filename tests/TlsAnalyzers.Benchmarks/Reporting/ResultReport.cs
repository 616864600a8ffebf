using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using TlsAnalyzers.Benchmarks.Analysis;
using TlsAnalyzers.Benchmarks.Measurement;

namespace TlsAnalyzers.Benchmarks.Reporting;

/// <summary>Writes one corpus's results as Markdown: main table, findings, targets, per-analyzer times.</summary>
internal static class ResultReport
{
    public static void Write(BenchmarkResult result, TextWriter output)
    {
        WriteHeader(result, output);
        WriteMainTable(result, output);
        WriteFindings(result, output);
        WriteTargets(result, output);
        WriteAnalyzerTimes(result, output);
    }

    /// <summary>
    /// Writes the header and the per-analyzer times of a run that measured one configuration alone (--profile), with
    /// nothing to compare against.
    /// </summary>
    public static void WriteProfile(BenchmarkResult result, TextWriter output)
    {
        WriteHeader(result, output);
        var summary = result.Summaries[0];
        output.WriteLine($"Configuration {summary.Configuration.Label} alone: wall {Format.Seconds(summary.Wall)}, "
            + $"CPU {Format.Seconds(summary.Cpu)}, analyzer time {Format.Milliseconds(summary.AnalyzerTime)}");
        output.WriteLine();

        // An analyzer that throws stops reporting, so its times would look better than they are.
        var failures = summary.Findings.AnalyzerFailures;
        if (!failures.IsEmpty)
        {
            output.WriteLine($"{Format.Count(failures.Length)} analyzer exceptions (AD0001), first: {failures[0]}");
            output.WriteLine();
        }

        WriteAnalyzerTimes(result.Summaries, output);
    }

    public static void WriteHeader(BenchmarkResult result, TextWriter output)
    {
        var corpus = result.Corpus;
        var tlsSites = corpus.TlsSiteCount is { } sites ? $" with {Format.Count(sites)} TLS snippets" : "";
        var measured = result.Summaries[0].Runs.Count;

        output.WriteLine($"## Corpus: {corpus.Description}");
        output.WriteLine();
        output.WriteLine($"- Lines: {Format.Count(corpus.LineCount)}{tlsSites}; parsed once in "
            + $"{Format.Seconds(corpus.ParseTime)}, outside every time below");
        output.WriteLine($"- References: {result.References.Description} "
            + $"({Format.Count(result.References.References.Length)} assemblies)");
        output.WriteLine($"- Host: {PeerPackages.Compiler} on {RuntimeInformation.FrameworkDescription}, "
            + $"{RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical processors; "
            + "concurrent build and analysis");
        output.WriteLine($"- Rounds: {result.WarmupRounds} warm-up and {measured} measured, order rotated each "
            + "round; times and allocations are medians, the peak heap is the maximum");
        if (measured < BenchmarkOptions.DefaultRepetitions)
        {
            output.WriteLine($"- Fewer than {BenchmarkOptions.DefaultRepetitions} measured rounds: a smoke run, "
                + "not a measurement");
        }

        output.WriteLine();
    }

    private static void WriteMainTable(BenchmarkResult result, TextWriter output)
    {
        var bare = result.Summaries[0];
        output.WriteLine("| Configuration | Analyzers | Rule diagnostics | Analyzer time | Wall | CPU | Wall vs bare "
            + "| Added wall | Allocated | Peak managed heap |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var summary in result.Summaries)
        {
            var configuration = summary.Configuration;
            var isBare = configuration.Analyzers.IsEmpty && configuration.RuleIds.IsEmpty;
            output.WriteLine(string.Join(
                " | ",
                $"| {configuration.Label}. {configuration.Name}",
                Format.Count(configuration.Analyzers.Length),
                isBare ? "-" : Format.Count(summary.RuleDiagnosticCount),
                isBare ? "-" : Format.Milliseconds(summary.AnalyzerTime),
                Format.Seconds(summary.Wall),
                Format.Seconds(summary.Cpu),
                Format.Ratio(Format.Divide(summary.Wall, bare.Wall) ?? 0),
                isBare ? "-" : Format.Seconds(summary.Wall - bare.Wall),
                Format.Megabytes(summary.AllocatedBytes),
                Format.Megabytes(summary.PeakManagedBytes) + " |"));
        }

        output.WriteLine();
        var compiler = bare.Findings.CompilerDiagnostics;
        var errors = compiler is null ? "-" : Format.Count(compiler.Errors);
        var warnings = compiler is null ? "-" : Format.Count(compiler.Warnings);
        output.WriteLine($"Compiler diagnostics: {errors} errors, {warnings} warnings. Process peak working set: "
            + $"{Format.Megabytes(Process.GetCurrentProcess().PeakWorkingSet64)}.");
        output.WriteLine();
    }

    private static void WriteFindings(BenchmarkResult result, TextWriter output)
    {
        output.WriteLine("| Configuration | Source | Rules | Diagnostics by rule |");
        output.WriteLine("|---|---|---|---|");
        foreach (var summary in result.Summaries.Skip(1))
        {
            var configuration = summary.Configuration;
            var byRule = summary.Findings.DiagnosticsById.Select(pair => $"{pair.Key} × {Format.Count(pair.Value)}");
            var found = string.Join(", ", byRule.DefaultIfEmpty("none"));
            var failures = summary.Findings.AnalyzerFailures;
            if (!failures.IsEmpty)
            {
                found += $"; {Format.Count(failures.Length)} analyzer exceptions (AD0001), first: {failures[0]}";
            }

            if (summary.FindingsVary)
            {
                found += "; findings differed between rounds";
            }

            var rules = configuration.RuleIds.IsEmpty ? "none found" : string.Join(", ", configuration.RuleIds);
            output.WriteLine($"| {configuration.Label}. {configuration.Name} | {configuration.Source} | {rules} "
                + $"| {found} |");
        }

        output.WriteLine();
    }

    private static void WriteTargets(BenchmarkResult result, TextWriter output)
    {
        var targets = TargetCheck.Evaluate(result);
        output.WriteLine("| Target | Measured | Result |");
        output.WriteLine("|---|---|---|");
        foreach (var target in targets)
        {
            output.WriteLine($"| {target.Description} | {target.Measured} | {target.Outcome} |");
        }

        output.WriteLine();
    }

    /// <summary>
    /// Writes each timed action's calls and its minimum and median time over the measured rounds (--actions). The
    /// minimum comes from the round least disturbed by other threads and collections, and the main table uses medians.
    /// </summary>
    public static void WriteActionTimes(
        IReadOnlyList<IReadOnlyDictionary<string, (double Milliseconds, long Calls)>> rounds, TextWriter output)
    {
        output.WriteLine($"Time of each action over {rounds.Count} measured rounds, with the timing's own cost of "
            + "an estimated 50 ns a call included:");
        output.WriteLine();
        output.WriteLine("| Action | Calls per round | Minimum | Median |");
        output.WriteLine("|---|---:|---:|---:|");
        var rows = rounds
            .SelectMany(round => round.Keys)
            .Distinct(StringComparer.Ordinal)
            .Select(label => SummarizeAction(label, rounds))
            .OrderByDescending(row => row.Median);
        foreach (var row in rows)
        {
            output.WriteLine($"| {row.Label} | {Format.Count(row.Calls)} | "
                + $"{Format.Milliseconds(TimeSpan.FromMilliseconds(row.Minimum))} | "
                + $"{Format.Milliseconds(TimeSpan.FromMilliseconds(row.Median))} |");
        }

        output.WriteLine();
    }

    // A round in which the action never ran counts as zero calls and zero time.
    private static (string Label, long Calls, double Minimum, double Median) SummarizeAction(
        string label, IReadOnlyList<IReadOnlyDictionary<string, (double Milliseconds, long Calls)>> rounds)
    {
        var milliseconds = new List<double>();
        var calls = new List<double>();
        foreach (var round in rounds)
        {
            var (time, count) = round.TryGetValue(label, out var cell) ? cell : (0.0, 0L);
            milliseconds.Add(time);
            calls.Add(count);
        }

        var medianCalls = (long)ConfigurationSummary.Median(calls);
        return (label, medianCalls, milliseconds.Min(), ConfigurationSummary.Median(milliseconds));
    }

    private static void WriteAnalyzerTimes(BenchmarkResult result, TextWriter output) =>
        WriteAnalyzerTimes(result.Summaries.Skip(1), output);

    private static void WriteAnalyzerTimes(IEnumerable<ConfigurationSummary> summaries, TextWriter output)
    {
        output.WriteLine("| Configuration | Analyzer | Median analyzer time |");
        output.WriteLine("|---|---|---:|");
        foreach (var summary in summaries)
        {
            foreach (var (analyzer, time) in summary.AnalyzerTimes.OrderByDescending(pair => pair.Value))
            {
                output.WriteLine($"| {summary.Configuration.Label} | {analyzer} | {Format.Milliseconds(time)} |");
            }
        }

        output.WriteLine();
    }
}
