using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TlsAnalyzers.Tests.Robustness;

/// <summary>
/// Applies every code action offered for every diagnostic of a source, and the document-scope FixAll of every
/// equivalence key, and checks each result: no new compiler error, the fixed diagnostic gone, no other diagnostic
/// of the analyzers new, no analyzer crash, and no text changed outside the rewritten construct (see
/// <see cref="AllowedChangeRegions"/>).
/// </summary>
internal sealed class FixChecker(
    CompilationFactory factory,
    ImmutableArray<DiagnosticAnalyzer> analyzers,
    ImmutableArray<CodeFixProvider> fixers)
{
    public async Task<FixCheckResult> CheckAsync(CorpusEntry entry, CancellationToken cancellationToken)
    {
        var result = new FixCheckResult();
        if (analyzers.IsEmpty)
        {
            return result;
        }

        using var workspace = new AdhocWorkspace();
        var project = factory.AddProject(workspace, entry);
        var before = await AnalyzeAsync(project, cancellationToken);
        result.AddCrashes(entry, "the unchanged source", before.Crashes);

        foreach (var document in project.Documents)
        {
            var context = new FixContext(entry, document, before);
            await CheckDocumentAsync(context, result, cancellationToken);
        }

        return result;
    }

    private async Task CheckDocumentAsync(FixContext context, FixCheckResult result, CancellationToken cancellationToken)
    {
        var tree = await context.Document.GetSyntaxTreeAsync(cancellationToken);
        var diagnostics = context.Before.Diagnostics.Where(diagnostic => diagnostic.Location.SourceTree == tree);
        var offered = new List<(CodeFixProvider Fixer, string? Key, Diagnostic Diagnostic)>();

        foreach (var diagnostic in diagnostics)
        {
            result.DiagnosticsFound++;
            var actionCount = 0;
            foreach (var fixer in fixers.Where(fixer => fixer.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = await CollectActionsAsync(context, fixer, diagnostic, result, cancellationToken);
                foreach (var action in actions)
                {
                    offered.Add((fixer, action.EquivalenceKey, diagnostic));
                    await CheckActionAsync(context, action, [diagnostic], [diagnostic], result, cancellationToken);
                }

                actionCount += actions.Length;
            }

            if (actionCount == 0)
            {
                result.AddUnfixed(context.Entry, diagnostic);
            }
            else
            {
                result.DiagnosticsFixed++;
            }
        }

        foreach (var group in offered.GroupBy(item => (item.Fixer, item.Key)))
        {
            var fixedDiagnostics = group.Select(item => item.Diagnostic).Distinct().ToImmutableArray();
            await CheckFixAllAsync(context, group.Key.Fixer, group.Key.Key, fixedDiagnostics, result, cancellationToken);
        }
    }

    private async Task<ImmutableArray<CodeAction>> CollectActionsAsync(
        FixContext context,
        CodeFixProvider fixer,
        Diagnostic diagnostic,
        FixCheckResult result,
        CancellationToken cancellationToken)
    {
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        var fixContext = new CodeFixContext(
            context.Document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
        try
        {
            await fixer.RegisterCodeFixesAsync(fixContext);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            result.AddFailure(context.Entry, diagnostic, fixer.GetType().Name + ".RegisterCodeFixesAsync threw " + exception);
        }

        return actions.SelectMany(Flatten).ToImmutableArray();
    }

    // Roslyn 4.8 keeps the actions of a code action group behind a non-public property.
    private static IEnumerable<CodeAction> Flatten(CodeAction action)
    {
        var property = typeof(CodeAction).GetProperty("NestedCodeActions", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
        var nested = property?.GetValue(action) is ImmutableArray<CodeAction> { IsDefaultOrEmpty: false } children
            ? children
            : ImmutableArray<CodeAction>.Empty;
        return nested.IsEmpty ? [action] : nested.SelectMany(Flatten);
    }

    private async Task CheckActionAsync(
        FixContext context,
        CodeAction action,
        ImmutableArray<Diagnostic> fixedDiagnostics,
        ImmutableArray<Diagnostic> rewrittenDiagnostics,
        FixCheckResult result,
        CancellationToken cancellationToken)
    {
        var label = $"code action '{action.Title}' (key '{action.EquivalenceKey}')";
        Solution? changed;
        try
        {
            var operations = await action.GetOperationsAsync(cancellationToken);
            changed = operations.OfType<ApplyChangesOperation>().SingleOrDefault()?.ChangedSolution;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            result.AddFailure(context.Entry, fixedDiagnostics[0], $"{label} threw {exception}");
            return;
        }

        result.ActionsApplied++;
        var problems = changed is null
            ? ["it changes nothing"]
            : await FindProblemsAsync(context, changed, fixedDiagnostics, rewrittenDiagnostics, cancellationToken);
        if (problems.Count > 0)
        {
            var before = await context.Document.GetTextAsync(cancellationToken);
            var after = changed?.GetDocument(context.Document.Id) is { } document
                ? await document.GetTextAsync(cancellationToken)
                : null;
            result.AddFailures(context.Entry, fixedDiagnostics[0], label, problems, before.ToString(), after?.ToString());
        }
    }

    private async Task CheckFixAllAsync(
        FixContext context,
        CodeFixProvider fixer,
        string? equivalenceKey,
        ImmutableArray<Diagnostic> fixedDiagnostics,
        FixCheckResult result,
        CancellationToken cancellationToken)
    {
        var provider = fixer.GetFixAllProvider();
        if (provider is null || !provider.GetSupportedFixAllScopes().Contains(FixAllScope.Document))
        {
            return;
        }

        // NOTE: Roslyn's batch FixAll leaves generated documents alone, and dotnet format does too unless run with
        // --include-generated, so FixAll there is a no-op by design and is not checked. Each single action still is.
        if (await GeneratedCode.IsGeneratedAsync(context.Document, cancellationToken))
        {
            result.FixAllsSkippedInGeneratedCode++;
            return;
        }

        var fixAllContext = new FixAllContext(
            context.Document,
            fixer,
            FixAllScope.Document,
            equivalenceKey,
            fixer.FixableDiagnosticIds,
            new BeforeFixDiagnostics(context.Before.Diagnostics),
            cancellationToken);
        CodeAction? action;
        try
        {
            action = await provider.GetFixAsync(fixAllContext);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            result.AddFailure(context.Entry, fixedDiagnostics[0], $"FixAll for key '{equivalenceKey}' threw {exception}");
            return;
        }

        if (action is null)
        {
            result.AddFailure(context.Entry, fixedDiagnostics[0], $"FixAll for key '{equivalenceKey}' offered no action");
            return;
        }

        // A FixAll provider gets every diagnostic of the fixer's IDs in the document, and a custom one may fix those
        // that offered a different key as well, so it may rewrite all of their constructs.
        var tree = await context.Document.GetSyntaxTreeAsync(cancellationToken);
        var rewritable = context.Before.Diagnostics
            .Where(diagnostic => diagnostic.Location.SourceTree == tree && fixer.FixableDiagnosticIds.Contains(diagnostic.Id))
            .ToImmutableArray();
        result.FixAllsApplied++;
        await CheckActionAsync(context, action, fixedDiagnostics, rewritable, result, cancellationToken);
    }

    /// <summary>
    /// Checks a fix that must remove <paramref name="fixedDiagnostics"/> and may rewrite the constructs of
    /// <paramref name="rewrittenDiagnostics"/>.
    /// </summary>
    private async Task<List<string>> FindProblemsAsync(
        FixContext context,
        Solution changed,
        ImmutableArray<Diagnostic> fixedDiagnostics,
        ImmutableArray<Diagnostic> rewrittenDiagnostics,
        CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var changes = changed.GetChanges(context.Document.Project.Solution);
        var changedDocuments = changes.GetProjectChanges().SelectMany(project => project.GetChangedDocuments()).ToList();
        if (changedDocuments.Any(id => id != context.Document.Id)
            || changes.GetProjectChanges().Any(project => project.GetAddedDocuments().Any() || project.GetRemovedDocuments().Any()))
        {
            problems.Add("it changes other documents");
        }

        var after = await AnalyzeAsync(changed.GetProject(context.Document.Project.Id)!, cancellationToken);
        problems.AddRange(after.Crashes.Select(crash => "after the fix, " + crash));
        problems.AddRange(FixOutcome.FindNewErrors(context.Before.CompilerErrors, after.CompilerErrors));
        problems.AddRange(FixOutcome.FindDiagnosticChanges(context.Before.Diagnostics, after.Diagnostics, fixedDiagnostics));
        problems.AddRange(await FixOutcome.FindChangesOutsideAsync(
            context.Document, changed.GetDocument(context.Document.Id)!, rewrittenDiagnostics, cancellationToken));
        return problems;
    }

    private async Task<AnalyzerRun> AnalyzeAsync(Project project, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken);
        return await AnalyzerRunner.RunAsync(compilation!, analyzers, options: null, cancellationToken);
    }

    private sealed record FixContext(CorpusEntry Entry, Document Document, AnalyzerRun Before);

    /// <summary>Hands the diagnostics found before any fix to a FixAll provider.</summary>
    private sealed class BeforeFixDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(
            Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return diagnostics.Where(diagnostic => diagnostic.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(
            Project project, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(diagnostic => !diagnostic.Location.IsInSource));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(
            Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
