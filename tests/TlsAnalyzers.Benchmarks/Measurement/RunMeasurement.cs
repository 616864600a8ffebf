using System;
using System.Collections.Immutable;

namespace TlsAnalyzers.Benchmarks.Measurement;

/// <summary>Errors and warnings of a compile without analyzers.</summary>
internal sealed record CompilerDiagnostics(int Errors, int Warnings);

/// <summary>What one configuration cost and found in one round.</summary>
/// <param name="Wall">Elapsed time of compiling and analyzing.</param>
/// <param name="Cpu">Processor time of the whole process over the same span, all threads.</param>
/// <param name="AnalyzerTimes">Roslyn's execution time per analyzer, keyed by analyzer type name.</param>
/// <param name="DiagnosticsById">Diagnostics the configuration's rules reported, by ID.</param>
/// <param name="CompilerDiagnostics">Compiler errors and warnings; counted for the bare compile only.</param>
/// <param name="AnalyzerFailures">Exceptions thrown by analyzers (AD0001), as "analyzer: exception: message".</param>
/// <param name="AllocatedBytes">Managed memory allocated over the span, all threads.</param>
/// <param name="PeakManagedBytes">Largest managed heap size sampled over the span.</param>
internal sealed record RunMeasurement(
    TimeSpan Wall,
    TimeSpan Cpu,
    ImmutableSortedDictionary<string, TimeSpan> AnalyzerTimes,
    ImmutableSortedDictionary<string, int> DiagnosticsById,
    CompilerDiagnostics? CompilerDiagnostics,
    ImmutableArray<string> AnalyzerFailures,
    long AllocatedBytes,
    long PeakManagedBytes)
{
    public TimeSpan AnalyzerTime
    {
        get
        {
            var total = TimeSpan.Zero;
            foreach (var time in AnalyzerTimes.Values)
            {
                total += time;
            }

            return total;
        }
    }
}
