using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using TlsAnalyzers.Benchmarks.Analysis;

namespace TlsAnalyzers.Benchmarks.Measurement;

/// <summary>One configuration's measured rounds: medians of times and allocations, maximum of the peak heap.</summary>
internal sealed record ConfigurationSummary(
    AnalyzerConfiguration Configuration,
    IReadOnlyList<RunMeasurement> Runs)
{
    public TimeSpan AnalyzerTime => Median(Runs.Select(run => run.AnalyzerTime));

    public TimeSpan Wall => Median(Runs.Select(run => run.Wall));

    public TimeSpan Cpu => Median(Runs.Select(run => run.Cpu));

    public long AllocatedBytes => (long)Median(Runs.Select(run => (double)run.AllocatedBytes));

    public long PeakManagedBytes => Runs.Max(run => run.PeakManagedBytes);

    /// <summary>The last round's findings. <see cref="FindingsVary"/> is true when another round differed.</summary>
    public RunMeasurement Findings => Runs[^1];

    public bool FindingsVary => Runs.Any(run =>
        !run.DiagnosticsById.SequenceEqual(Findings.DiagnosticsById)
        || run.CompilerDiagnostics != Findings.CompilerDiagnostics
        || run.AnalyzerFailures.Length != Findings.AnalyzerFailures.Length);

    public int RuleDiagnosticCount => Findings.DiagnosticsById.Values.Sum();

    public ImmutableSortedDictionary<string, TimeSpan> AnalyzerTimes =>
        Findings.AnalyzerTimes.Keys.ToImmutableSortedDictionary(
            name => name,
            name => Median(Runs.Select(run => run.AnalyzerTimes.GetValueOrDefault(name))),
            StringComparer.Ordinal);

    public static TimeSpan Median(IEnumerable<TimeSpan> values) =>
        TimeSpan.FromTicks((long)Median(values.Select(value => (double)value.Ticks)));

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("A median needs at least one value.", nameof(values));
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
