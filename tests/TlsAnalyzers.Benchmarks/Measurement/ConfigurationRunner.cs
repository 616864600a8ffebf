using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using TlsAnalyzers.Benchmarks.Analysis;
using TlsAnalyzers.Benchmarks.Corpus;

namespace TlsAnalyzers.Benchmarks.Measurement;

/// <summary>Compiles the corpus once with one configuration and measures it.</summary>
internal sealed class ConfigurationRunner(CodeCorpus corpus, ReferenceAssemblies references)
{
    /// <summary>
    /// Builds a fresh compilation from the shared syntax trees, so no binding or analyzer state carries over from an
    /// earlier round, then times compiling it (binding every method body, as <see cref="Compilation.GetDiagnostics"/>
    /// does) together with running the configuration's analyzers.
    /// </summary>
    public async Task<RunMeasurement> MeasureAsync(
        AnalyzerConfiguration configuration, CancellationToken cancellationToken)
    {
        var compilation = CSharpCompilation.Create(
            "BenchmarkCorpus", corpus.Trees, references.References, configuration.CompilationOptions);
        var failures = new ConcurrentQueue<string>();
        CollectGarbage();

        using var sampler = ManagedMemorySampler.Start();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var stopwatch = Stopwatch.StartNew();

        // csc runs source generators before the analyzer driver starts, and a generator that looks up a type binds
        // the references. Binding them here keeps that cost inside the timing but off the first analyzer's time.
        _ = compilation.Assembly;

        var outcome = configuration.Analyzers.IsEmpty
            ? Compile(compilation, cancellationToken)
            : await CompileAndAnalyzeAsync(compilation, configuration, failures, cancellationToken);

        stopwatch.Stop();
        var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var peak = sampler.Stop();

        return new RunMeasurement(
            stopwatch.Elapsed,
            cpu,
            outcome.AnalyzerTimes,
            CountRuleDiagnostics(outcome.Diagnostics, configuration),
            outcome.CompilerDiagnostics,
            [.. failures],
            allocated,
            peak);
    }

    private static Outcome Compile(Compilation compilation, CancellationToken cancellationToken)
    {
        var diagnostics = compilation.GetDiagnostics(cancellationToken);
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning && !d.IsSuppressed);
        var noTimes = ImmutableSortedDictionary<string, TimeSpan>.Empty;
        return new Outcome([], noTimes, new CompilerDiagnostics(errors, warnings));
    }

    // GetAnalysisResultAsync runs the analyzers the way the command-line compiler does: it binds the whole
    // compilation and feeds the compilation events to the analyzers concurrently. Unlike GetAllDiagnosticsAsync it
    // keeps each analyzer's execution time.
    private static async Task<Outcome> CompileAndAnalyzeAsync(
        Compilation compilation,
        AnalyzerConfiguration configuration,
        ConcurrentQueue<string> failures,
        CancellationToken cancellationToken)
    {
        // NOTE: no .editorconfig or build_property values reach the analyzers, so option-driven rules run on defaults.
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, analyzer, _) =>
                failures.Enqueue($"{NameOf(analyzer)}: {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        var result = await compilation.WithAnalyzers(configuration.Analyzers, options)
            .GetAnalysisResultAsync(cancellationToken);

        // Analyzers that registered only compilation-level actions let Roslyn skip binding; bind anyway, because a
        // build always does and the bare compile includes it.
        if (!result.AnalyzerTelemetryInfo.Values.Any(NeedsCompilationEvents))
        {
            _ = compilation.GetDiagnostics(cancellationToken);
        }

        var times = result.AnalyzerTelemetryInfo
            .GroupBy(pair => NameOf(pair.Key))
            .ToImmutableSortedDictionary(
                group => group.Key,
                group => group.Aggregate(TimeSpan.Zero, (total, pair) => total + pair.Value.ExecutionTime),
                StringComparer.Ordinal);
        return new Outcome(result.GetAllDiagnostics(), times, null);
    }

    // The timing wrapper of --actions reports under the name of the analyzer it wraps.
    private static string NameOf(DiagnosticAnalyzer analyzer) =>
        analyzer is ActionTimingAnalyzer timed ? timed.InnerName : analyzer.GetType().Name;

    private static bool NeedsCompilationEvents(AnalyzerTelemetryInfo telemetry) =>
        telemetry.SyntaxNodeActionsCount > 0
        || telemetry.SyntaxTreeActionsCount > 0
        || telemetry.SemanticModelActionsCount > 0
        || telemetry.SymbolActionsCount > 0
        || telemetry.SymbolStartActionsCount > 0
        || telemetry.OperationActionsCount > 0
        || telemetry.OperationBlockActionsCount > 0
        || telemetry.OperationBlockStartActionsCount > 0
        || telemetry.CodeBlockActionsCount > 0
        || telemetry.CodeBlockStartActionsCount > 0
        || telemetry.CompilationEndActionsCount > 0;

    private static ImmutableSortedDictionary<string, int> CountRuleDiagnostics(
        ImmutableArray<Diagnostic> diagnostics, AnalyzerConfiguration configuration)
    {
        return diagnostics
            .Where(d => configuration.RuleIds.Contains(d.Id) && !d.IsSuppressed)
            .GroupBy(d => d.Id)
            .ToImmutableSortedDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
    }

    // Every round starts from the same heap, so one configuration's garbage is not collected on the next one's time.
    private static void CollectGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private sealed record Outcome(
        ImmutableArray<Diagnostic> Diagnostics,
        ImmutableSortedDictionary<string, TimeSpan> AnalyzerTimes,
        CompilerDiagnostics? CompilerDiagnostics);
}
