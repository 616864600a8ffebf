using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TlsAnalyzers.Tests.Robustness;

/// <summary>
/// Runs analyzers on a compilation the way a build does, but records every exception an analyzer throws instead of
/// turning it into an AD0001 warning that a test could overlook.
/// </summary>
internal static class AnalyzerRunner
{
    public static async Task<AnalyzerRun> RunAsync(
        Compilation compilation,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        AnalyzerOptions? options,
        CancellationToken cancellationToken)
    {
        if (analyzers.IsEmpty)
        {
            return new AnalyzerRun([], [], GetErrors(compilation, cancellationToken));
        }

        var exceptions = new ConcurrentQueue<AnalyzerException>();
        var analyzerOptions = new CompilationWithAnalyzersOptions(
            options ?? new AnalyzerOptions([]),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue(new AnalyzerException(analyzer, exception)),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, analyzerOptions)
            .GetAnalyzerDiagnosticsAsync(cancellationToken);

        // AD0001 also covers exceptions that the driver catches outside the callback, such as in Initialize.
        var crashes = exceptions
            .Concat(diagnostics.Where(IsAnalyzerFailure).Select(diagnostic => new AnalyzerException(null, diagnostic)))
            .ToImmutableArray();
        var reported = diagnostics.Where(diagnostic => !IsAnalyzerFailure(diagnostic)).ToImmutableArray();
        return new AnalyzerRun(reported, crashes, GetErrors(compilation, cancellationToken));
    }

    private static bool IsAnalyzerFailure(Diagnostic diagnostic) => diagnostic.Id is "AD0001" or "AD0002";

    private static ImmutableArray<Diagnostic> GetErrors(Compilation compilation, CancellationToken cancellationToken) =>
        compilation.GetDiagnostics(cancellationToken)
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .ToImmutableArray();
}

/// <summary>What one analyzer run returned: the analyzers' diagnostics, their crashes and the compiler's errors.</summary>
internal sealed record AnalyzerRun(
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableArray<AnalyzerException> Crashes,
    ImmutableArray<Diagnostic> CompilerErrors);

/// <summary>An exception thrown by an analyzer, or the AD0001 diagnostic that reported it.</summary>
internal sealed record AnalyzerException(DiagnosticAnalyzer? Analyzer, object Failure)
{
    public override string ToString() => Analyzer is null
        ? Failure.ToString() ?? ""
        : $"{Analyzer.GetType().Name} threw {Failure}";
}
