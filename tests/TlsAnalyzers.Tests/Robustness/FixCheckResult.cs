using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace TlsAnalyzers.Tests.Robustness;

/// <summary>Counts and failures of the fix check, accumulated over the corpus.</summary>
internal sealed class FixCheckResult
{
    private readonly List<string> failures = [];

    public IReadOnlyList<string> Failures => failures;

    /// <summary>Diagnostics for which no fixer offered an action; a fixer may decline when a precondition fails.</summary>
    public List<string> Unfixed { get; } = [];

    public int DiagnosticsFound { get; set; }

    /// <summary>Diagnostics for which at least one code action was offered and applied.</summary>
    public int DiagnosticsFixed { get; set; }

    public int ActionsApplied { get; set; }

    public int FixAllsApplied { get; set; }

    public int FixAllsSkippedInGeneratedCode { get; set; }

    public void Add(FixCheckResult other)
    {
        failures.AddRange(other.failures);
        Unfixed.AddRange(other.Unfixed);
        DiagnosticsFound += other.DiagnosticsFound;
        DiagnosticsFixed += other.DiagnosticsFixed;
        ActionsApplied += other.ActionsApplied;
        FixAllsApplied += other.FixAllsApplied;
        FixAllsSkippedInGeneratedCode += other.FixAllsSkippedInGeneratedCode;
    }

    public void AddCrashes(CorpusEntry entry, string when, IEnumerable<AnalyzerException> crashes)
    {
        failures.AddRange(crashes.Select(crash => $"{entry.Name}: on {when}, {crash}"));
    }

    public void AddFailure(CorpusEntry entry, Diagnostic diagnostic, string problem)
    {
        failures.Add($"{entry.Name}: fixing {DescribeDiagnostic(diagnostic)}: {problem}");
    }

    /// <summary>Adds one failure that lists the problems of a code action, with the text before and after it.</summary>
    public void AddFailures(
        CorpusEntry entry, Diagnostic diagnostic, string label, IReadOnlyList<string> problems, string before, string? after)
    {
        var report = new StringBuilder()
            .AppendLine($"{entry.Name}: {label} on {DescribeDiagnostic(diagnostic)} is broken:");
        foreach (var problem in problems)
        {
            report.AppendLine("  - " + problem);
        }

        report.AppendLine("----- before -----").AppendLine(before);
        if (after is not null)
        {
            report.AppendLine("----- after ------").AppendLine(after);
        }

        failures.Add(report.AppendLine("------------------").ToString());
    }

    public void AddUnfixed(CorpusEntry entry, Diagnostic diagnostic)
    {
        Unfixed.Add($"{entry.Name}: {DescribeDiagnostic(diagnostic)}");
    }

    private static string DescribeDiagnostic(Diagnostic diagnostic) =>
        $"{diagnostic.Id} at {diagnostic.Location.GetLineSpan()} ('{diagnostic.GetMessage()}')";
}
