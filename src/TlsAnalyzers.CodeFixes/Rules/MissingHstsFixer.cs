using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// Inserts <c>app.UseHsts()</c> before <c>app.UseHttpsRedirection()</c>, skipped in development the way the
/// ASP.NET Core templates do it: browsers cache HSTS for localhost too, which breaks other local HTTP sites.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingHstsFixer))]
[Shared]
public sealed class MissingHstsFixer : CodeFixProvider
{
    internal const string EquivalenceKey = "TLS006.AddUseHsts";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.MissingHsts);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var diagnostic = context.Diagnostics[0];
        if (root?.FindNode(diagnostic.Location.SourceSpan) is not { } node
            || node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation)
        {
            return;
        }

        // The static form (HttpsPolicyBuilderExtensions.UseHttpsRedirection(app)) has a type, not the app, before the dot.
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model?.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol { ReducedFrom: not null }
            || HstsInsertion.TryCreate(model, invocation, context.CancellationToken) is null)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Add UseHsts() before UseHttpsRedirection()",
                cancellationToken => InsertUseHstsAsync(context.Document, invocation, cancellationToken),
                EquivalenceKey),
            diagnostic);
    }

    private static async Task<Document> InsertUseHstsAsync(
        Document document, InvocationExpressionSyntax redirection, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var insertion = HstsInsertion.TryCreate(model, redirection, cancellationToken);
        return insertion is null ? document : document.WithSyntaxRoot(insertion.Apply(root));
    }
}
