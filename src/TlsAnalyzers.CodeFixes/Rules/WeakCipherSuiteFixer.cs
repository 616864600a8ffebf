using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TlsAnalyzers.CodeFixes.Infrastructure;
using TlsAnalyzers.Infrastructure;
using TlsAnalyzers.Rules;

namespace TlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// Fixes TLS005 in two ways: remove the weak suites from the list when strong ones remain, or replace the whole list
/// with the suites of the hardened profile.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WeakCipherSuiteFixer))]
[Shared]
public sealed class WeakCipherSuiteFixer : CodeFixProvider
{
    public const string RemoveWeakKey = "TLS005.RemoveWeak";
    public const string UseProfileKey = "TLS005.UseProfile";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.WeakCipherSuite);

    // Several diagnostics usually sit in one list, so FixAll edits each document once instead of merging text changes.
    public override FixAllProvider GetFixAllProvider() => new WeakCipherSuiteFixAllProvider();

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        var diagnostic = context.Diagnostics[0];
        var element = FindElement(root, diagnostic);
        if (element is null)
        {
            return;
        }

        // The first fix registered is the one `dotnet format` applies: removing keeps the suites the author chose.
        if (HasStrongSuites(diagnostic) && GetRemovableNode(element) is not null)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove weak cipher suites",
                    cancellationToken => FixAsync(context.Document, [diagnostic], RemoveWeakKey, cancellationToken),
                    RemoveWeakKey),
                diagnostic);
        }

        if (GetList(element) is not null)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use the {GetProfile(diagnostic)} cipher suites",
                    cancellationToken => FixAsync(context.Document, [diagnostic], UseProfileKey, cancellationToken),
                    UseProfileKey),
                diagnostic);
        }
    }

    /// <summary>Applies the fix named by <paramref name="equivalenceKey"/> for every diagnostic in one document.</summary>
    internal static async Task<Document> FixAsync(
        Document document, IEnumerable<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var targets = diagnostics
            .Select(diagnostic => (Diagnostic: diagnostic, Element: FindElement(root, diagnostic)))
            .Where(target => target.Element is not null)
            .ToList();
        var newRoot = equivalenceKey == UseProfileKey
            ? ReplaceLists(root, targets!)
            : RemoveWeak(root, model, targets!, cancellationToken);
        return await ImportAdderHelper.AddImportsAsync(document.WithSyntaxRoot(newRoot), cancellationToken)
            .ConfigureAwait(false);
    }

    private static SyntaxNode RemoveWeak(
        SyntaxNode root, SemanticModel model, List<(Diagnostic Diagnostic, ExpressionSyntax Element)> targets,
        CancellationToken cancellationToken)
    {
        var suiteType = model.Compilation.GetTypeByMetadataName("System.Net.Security.TlsCipherSuite");
        var removed = new HashSet<SyntaxNode>();
        foreach (var (diagnostic, element) in targets.Where(target => HasStrongSuites(target.Diagnostic)))
        {
            // A list written in place loses all its weak suites at once; an Add call only goes by itself.
            var siblings = GetList(element) is { } list && suiteType is not null
                ? GetElements(list).Where(sibling => IsWeak(sibling, model, suiteType, cancellationToken))
                : [element];
            removed.UnionWith(siblings.Select(GetRemovableNode).OfType<SyntaxNode>());
        }

        var statements = removed.OfType<ExpressionStatementSyntax>().ToList();
        var lists = removed.Where(node => node is not ExpressionStatementSyntax).Select(node => node.Parent!).Distinct();
        var tracked = root.TrackNodes(statements);
        tracked = tracked.ReplaceNodes(
            lists.Select(list => tracked.GetCurrentNode(list) ?? list),
            (original, _) => SuiteListRewriter.Remove(original, removed));
        var current = statements.Select(statement => tracked.GetCurrentNode(statement)).OfType<SyntaxNode>();
        return tracked.RemoveNodes(current, SyntaxRemoveOptions.KeepNoTrivia) ?? tracked;
    }

    private static SyntaxNode ReplaceLists(SyntaxNode root, List<(Diagnostic Diagnostic, ExpressionSyntax Element)> targets)
    {
        var profiles = new Dictionary<SyntaxNode, string>();
        foreach (var (diagnostic, element) in targets)
        {
            if (GetList(element) is { } list && !profiles.ContainsKey(list))
            {
                profiles.Add(list, GetProfile(diagnostic));
            }
        }

        return root.ReplaceNodes(profiles.Keys, (original, _) => SuiteListRewriter.Replace(original, profiles[original]));
    }

    private static bool IsWeak(
        ExpressionSyntax element, SemanticModel model, INamedTypeSymbol suiteType, CancellationToken cancellationToken)
    {
        var suite = CipherSuiteListFinder.GetSuite(element, model, suiteType, cancellationToken);
        return suite is not null && CipherSuiteClassifier.GetWeakness(suite.Name) is not null;
    }

    /// <summary>
    /// Returns the array initializer or collection expression that contains <paramref name="element"/>, or null.
    /// </summary>
    private static SyntaxNode? GetList(ExpressionSyntax element) => element.Parent switch
    {
        InitializerExpressionSyntax initializer => initializer,
        ExpressionElementSyntax { Parent: CollectionExpressionSyntax collection } => collection,
        _ => null,
    };

    private static IEnumerable<ExpressionSyntax> GetElements(SyntaxNode list) => list switch
    {
        InitializerExpressionSyntax initializer => initializer.Expressions,
        CollectionExpressionSyntax collection =>
            collection.Elements.OfType<ExpressionElementSyntax>().Select(element => element.Expression),
        _ => [],
    };

    private static SyntaxNode? GetRemovableNode(ExpressionSyntax element) => element.Parent switch
    {
        InitializerExpressionSyntax => element,
        ExpressionElementSyntax expressionElement => expressionElement,
        ArgumentSyntax
        {
            Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Parent: ExpressionStatementSyntax statement } },
        } => statement,
        _ => null,
    };

    private static ExpressionSyntax? FindElement(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax;

    private static bool HasStrongSuites(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(WeakCipherSuiteAnalyzer.HasStrongSuitesKey, out var value) && value == "true";

    private static string GetProfile(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(CipherSuiteProfile.PropertyKey, out var value) && value is not null
            ? value
            : CipherSuiteProfile.Default;

    private sealed class WeakCipherSuiteFixAllProvider : DocumentBasedFixAllProvider
    {
        protected override Task<Document?> FixAllAsync(
            FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics) =>
            FixAsync(document, diagnostics, fixAllContext.CodeActionEquivalenceKey, fixAllContext.CancellationToken)!;
    }
}
