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
using Microsoft.CodeAnalysis.Formatting;

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

    private const string RedirectionAnnotationKind = "TLS006.Redirection";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.MissingHsts);

    // Several redirects can add UseHsts to the same IsDevelopment() block, and batch merging keeps only one of
    // those edits, so Fix All applies the insertions one after another.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var diagnostic = context.Diagnostics[0];
        if (root is null
            || model is null
            || FindRedirection(root, diagnostic) is not { } invocation
            || (TryCreateInsertion(model, invocation, context.CancellationToken) is null
                && GetVoidLambda(model, invocation, context.CancellationToken) is null))
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

    private static InvocationExpressionSyntax? FindRedirection(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan)?.FirstAncestorOrSelf<InvocationExpressionSyntax>();

    // NOTE: the static form (HttpsPolicyBuilderExtensions.UseHttpsRedirection(app)) gets no fix, because a type,
    // not the app, is the receiver.
    private static HstsInsertion? TryCreateInsertion(
        SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { ReducedFrom: not null })
        {
            return null;
        }

        return HstsInsertion.TryCreate(model, invocation, cancellationToken);
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

        if (TryCreateInsertion(model, redirection, cancellationToken) is { } insertion)
        {
            return document.WithSyntaxRoot(insertion.Apply(root));
        }

        if (GetVoidLambda(model, redirection, cancellationToken) is not { } lambda)
        {
            return document;
        }

        // `api => api.UseHttpsRedirection()` becomes `api => { api.UseHttpsRedirection(); }`, which the insertion
        // can then handle like any other statement.
        var annotation = new SyntaxAnnotation(RedirectionAnnotationKind);
        var body = SyntaxFactory.Block(SyntaxFactory.ExpressionStatement(
            lambda.ExpressionBody!.ReplaceNode(redirection, redirection.WithAdditionalAnnotations(annotation))
                .WithoutTrivia()));
        var newLambda = lambda.WithExpressionBody(null)
            .WithBlock(body)
            .WithAdditionalAnnotations(Formatter.Annotation);
        document = document.WithSyntaxRoot(root.ReplaceNode(lambda, newLambda));
        return await InsertAtAnnotationAsync(document, annotation, cancellationToken).ConfigureAwait(false);
    }

    // Returns the lambda whose body is the redirect chain when its delegate returns nothing (app.Map, app.UseWhen).
    private static LambdaExpressionSyntax? GetVoidLambda(
        SemanticModel model, InvocationExpressionSyntax redirection, CancellationToken cancellationToken)
    {
        var top = HstsInsertion.GetChainTop(redirection);
        if (top.Parent is not LambdaExpressionSyntax lambda
            || lambda.ExpressionBody != top
            || model.GetSymbolInfo(lambda, cancellationToken).Symbol is not IMethodSymbol { ReturnsVoid: true })
        {
            return null;
        }

        return lambda;
    }

    // Each insertion needs a semantic model of the document as the previous ones left it, so the redirects are
    // marked with annotations first and found again after every step.
    private static async Task<Document?> FixAllInDocumentAsync(
        FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var annotations = new Dictionary<SyntaxNode, SyntaxAnnotation>();
        var redirections = diagnostics.Select(diagnostic => FindRedirection(root, diagnostic)).OfType<SyntaxNode>();
        foreach (var redirection in redirections)
        {
            annotations[redirection] = new SyntaxAnnotation(RedirectionAnnotationKind, annotations.Count.ToString());
        }

        document = document.WithSyntaxRoot(root.ReplaceNodes(
            annotations.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(annotations[original])));
        foreach (var annotation in annotations.Values)
        {
            document = await InsertAtAnnotationAsync(document, annotation, context.CancellationToken)
                .ConfigureAwait(false);
        }

        return document;
    }

    private static async Task<Document> InsertAtAnnotationAsync(
        Document document, SyntaxAnnotation annotation, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var redirection = root?.GetAnnotatedNodes(annotation).OfType<InvocationExpressionSyntax>().FirstOrDefault();
        if (redirection is null)
        {
            return document;
        }

        return await InsertUseHstsAsync(document, redirection, cancellationToken).ConfigureAwait(false);
    }
}
