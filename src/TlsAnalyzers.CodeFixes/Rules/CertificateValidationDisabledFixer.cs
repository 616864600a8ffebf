using System;
using System.Collections.Immutable;
using System.Linq;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using TlsAnalyzers.Rules;

namespace TlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// Fixes TLS002 by removing the bypass so the platform validates certificates, or, for a callback written in place,
/// by making it accept only certificates without policy errors.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CertificateValidationDisabledFixer))]
[Shared]
public sealed class CertificateValidationDisabledFixer : CodeFixProvider
{
    public const string UseDefaultValidationKey = "TLS002.UseDefaultValidation";

    public const string AcceptOnlyValidKey = "TLS002.AcceptOnlyValid";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.CertificateValidationDisabled);

    // Batch merging of separate fixes drops removals of neighbouring statements as conflicting, so FixAll applies
    // every edit of a document to one editor.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            // dotnet format applies the first fix registered, so the one that always compiles goes first.
            Register(context, diagnostic, "Use default certificate validation", UseDefaultValidationKey, root, model);
            Register(context, diagnostic, "Accept only valid certificates", AcceptOnlyValidKey, root, model);
        }
    }

    private static void Register(
        CodeFixContext context, Diagnostic diagnostic, string title, string key, SyntaxNode root, SemanticModel model)
    {
        if (CreateEdit(key, diagnostic, root, model, context.CancellationToken) is null)
        {
            return;
        }

        var document = context.Document;
        context.RegisterCodeFix(
            CodeAction.Create(title, token => FixDocumentAsync(document, ImmutableArray.Create(diagnostic), key, token), key),
            diagnostic);
    }

    private static async Task<Document?> FixAllInDocumentAsync(
        FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var key = context.CodeActionEquivalenceKey;
        return key is null ? null : await FixDocumentAsync(document, diagnostics, key, context.CancellationToken).ConfigureAwait(false);
    }

    private static async Task<Document> FixDocumentAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string key, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);

        // From the end of the file backwards: a removed statement hands its comment lines to the next token, which
        // must by then be the one that stays.
        foreach (var diagnostic in diagnostics.OrderByDescending(diagnostic => diagnostic.Location.SourceSpan.Start))
        {
            var edit = CreateEdit(key, diagnostic, editor.OriginalRoot, editor.SemanticModel, cancellationToken);
            edit?.Invoke(editor);
        }

        return editor.GetChangedDocument();
    }

    private static Action<DocumentEditor>? CreateEdit(
        string key, Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (SplitByDirective(node))
        {
            return null;
        }

        if (key == UseDefaultValidationKey)
        {
            return DefaultValidationEdit.Create(node, model, cancellationToken);
        }

        diagnostic.Properties.TryGetValue(CertificateValidationDisabledAnalyzer.KindProperty, out var kind);
        return key == AcceptOnlyValidKey && kind == CertificateValidationDisabledAnalyzer.CallbackKind
            ? AcceptOnlyValidEdit.Create(node, model, cancellationToken)
            : null;
    }

    // A `#if` inside the statement or member that a fix rewrites makes it differ between build configurations, as in
    // `(s, c, ch, e)` followed by `#if DEBUG => true; #else => e == SslPolicyErrors.None; #endif`. An edit made in one
    // configuration would leave the other unbalanced, so no fix is offered. Directives around the statement stay.
    private static bool SplitByDirective(SyntaxNode node)
    {
        var scope = (SyntaxNode?)node.FirstAncestorOrSelf<StatementSyntax>()
            ?? node.FirstAncestorOrSelf<MemberDeclarationSyntax>()
            ?? node;
        return scope.ContainsDirectives
            && scope.DescendantTrivia(scope.Span).Any(trivia => trivia.IsDirective && scope.Span.Contains(trivia.Span));
    }
}
