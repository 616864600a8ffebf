using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace TlsAnalyzers.Tests.Robustness;

/// <summary>Compares a source before and after a code fix.</summary>
internal static class FixOutcome
{
    /// <summary>
    /// Returns the compiler errors that the fix added. Errors are compared by ID and message, without positions,
    /// because the fix moves the code after it; a broken input keeps its own errors.
    /// </summary>
    public static IEnumerable<string> FindNewErrors(ImmutableArray<Diagnostic> before, ImmutableArray<Diagnostic> after)
    {
        var remaining = before.Select(Describe).ToList();
        foreach (var error in after)
        {
            if (!remaining.Remove(Describe(error)))
            {
                yield return $"the fixed code has a new error {error.Id} at {error.Location.GetLineSpan()}: {error.GetMessage()}";
            }
        }
    }

    /// <summary>
    /// Returns the ways in which the analyzers' diagnostics after the fix are wrong: a diagnostic (same ID and
    /// message) that was not there before, or fewer than <paramref name="fixedDiagnostics"/>' count gone from
    /// their IDs.
    /// </summary>
    public static IEnumerable<string> FindDiagnosticChanges(
        ImmutableArray<Diagnostic> before, ImmutableArray<Diagnostic> after, ImmutableArray<Diagnostic> fixedDiagnostics)
    {
        var remaining = before.Select(Describe).ToList();
        foreach (var diagnostic in after)
        {
            if (!remaining.Remove(Describe(diagnostic)))
            {
                yield return $"the fix added {diagnostic.Id} at {diagnostic.Location.GetLineSpan()}: {diagnostic.GetMessage()}";
            }
        }

        foreach (var id in fixedDiagnostics.Select(diagnostic => diagnostic.Id).Distinct())
        {
            var expectedMaximum = before.Count(d => d.Id == id) - fixedDiagnostics.Count(d => d.Id == id);
            var actual = after.Count(d => d.Id == id);
            if (actual > expectedMaximum)
            {
                yield return $"{id} is still reported: {actual} diagnostics after the fix, at most {expectedMaximum} expected";
            }
        }
    }

    /// <summary>
    /// Returns the text changes of the fix that lie outside the constructs it rewrites. The changes come from a line
    /// diff, because Roslyn's token diff can pair a removed statement with its unchanged neighbour and report the
    /// neighbour as changed.
    /// </summary>
    public static async Task<IEnumerable<string>> FindChangesOutsideAsync(
        Document before, Document after, ImmutableArray<Diagnostic> fixedDiagnostics, CancellationToken cancellationToken)
    {
        var oldRoot = (await before.GetSyntaxRootAsync(cancellationToken))!;
        var regions = new AllowedChangeRegions(oldRoot, fixedDiagnostics);
        var oldText = oldRoot.GetText();
        var newText = await after.GetTextAsync(cancellationToken);

        var oldString = oldText.ToString();
        return LineDiff.GetChanges(oldString, newText.ToString())
            .SelectMany(change => regions.IsAllowed(change) ? [] : TokenDiff.Split(oldString, change))
            .Where(change => !regions.IsAllowed(change) && !regions.IsAllowed(TokenDiff.TrimSeparators(oldString, change)))
            .Select(change => $"it changes text outside the fixed construct at {oldText.Lines.GetLinePosition(change.Span.Start)}: "
                + $"'{oldText.ToString(change.Span)}' becomes '{change.NewText}'")
            .ToList();
    }

    private static string Describe(Diagnostic diagnostic) => diagnostic.Id + ": " + diagnostic.GetMessage();
}
