using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TlsAnalyzers.Benchmarks.Analysis;

/// <summary>One set of analyzers that the benchmark measures against the same corpus.</summary>
/// <param name="Label">Short name used in the report's tables (A, B, C, D).</param>
/// <param name="Name">What the configuration runs.</param>
/// <param name="Source">Where the analyzers come from, with the version.</param>
/// <param name="Analyzers">The analyzer instances; empty for the bare compile.</param>
/// <param name="RuleIds">The diagnostic IDs switched on; every other ID of these analyzers is suppressed.</param>
internal sealed record AnalyzerConfiguration(
    string Label,
    string Name,
    string Source,
    ImmutableArray<DiagnosticAnalyzer> Analyzers,
    ImmutableSortedSet<string> RuleIds)
{
    private static readonly CSharpCompilationOptions BaseOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        concurrentBuild: true);

    public static AnalyzerConfiguration BareCompile { get; } =
        new("A", "Bare compile", "the compiler alone", [], []);

    /// <summary>
    /// Compilation options that report every ID in <see cref="RuleIds"/> as a warning, whatever its default, and
    /// suppress the other IDs that the same analyzers support, so they do no work for rules outside the comparison.
    /// </summary>
    public CSharpCompilationOptions CompilationOptions { get; } = BaseOptions.WithSpecificDiagnosticOptions(
        Analyzers.SelectMany(SupportedIds)
            .Distinct()
            .Select(id => KeyValuePair.Create(
                id, RuleIds.Contains(id) ? ReportDiagnostic.Warn : ReportDiagnostic.Suppress)));

    public static IEnumerable<string> SupportedIds(DiagnosticAnalyzer analyzer) =>
        analyzer.SupportedDiagnostics.Select(descriptor => descriptor.Id);
}
