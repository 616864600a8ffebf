using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Text;

namespace TlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// Rewrites the protocol value around a TLS001 diagnostic: the whole expression becomes TLS 1.2 and TLS 1.3, the
/// weak members are dropped from a combination that already contains a strong one, or the operating system default is
/// used. Several diagnostics in one <c>|</c> combination share one expression, which each fix rewrites once.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsecureProtocolVersionFixer))]
[Shared]
public sealed class InsecureProtocolVersionFixer : CodeFixProvider
{
    public const string UseTls12And13Key = "TLS001.UseTls12And13";
    public const string RemoveWeakKey = "TLS001.RemoveWeak";
    public const string UseSystemDefaultKey = "TLS001.UseSystemDefault";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.InsecureProtocolVersion);

    // BatchFixer would merge identical edits of one combination from several diagnostics unreliably, so the
    // FixAll collects the distinct expressions first.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var span = diagnostic.Location.SourceSpan;
            var target = ProtocolFixTarget.TryCreate(root, model, span, context.CancellationToken);
            if (target is not null)
            {
                RegisterFixes(context, target, diagnostic);
            }
        }
    }

    // The first fix registered is the one `dotnet format` applies, so it is the fix that every diagnostic offers.
    private static void RegisterFixes(CodeFixContext context, ProtocolFixTarget target, Diagnostic diagnostic)
    {
        if (target.CreateReplacement(UseTls12And13Key) is not null)
        {
            var title = target.HasTls13 ? "Use TLS 1.2 and TLS 1.3" : "Use TLS 1.2";
            context.RegisterCodeFix(CreateAction(context.Document, diagnostic, title, UseTls12And13Key), diagnostic);
        }

        if (target.CreateReplacement(RemoveWeakKey) is not null)
        {
            var title = "Remove the insecure protocol versions";
            context.RegisterCodeFix(CreateAction(context.Document, diagnostic, title, RemoveWeakKey), diagnostic);
        }

        if (target.CreateReplacement(UseSystemDefaultKey) is not null)
        {
            var title = "Use the operating system default";
            context.RegisterCodeFix(CreateAction(context.Document, diagnostic, title, UseSystemDefaultKey), diagnostic);
        }
    }

    private static CodeAction CreateAction(Document document, Diagnostic diagnostic, string title, string key)
    {
        return CodeAction.Create(
            title,
            cancellationToken => ApplyAsync(document, ImmutableArray.Create(diagnostic), key, cancellationToken),
            equivalenceKey: key);
    }

    private static async Task<Document?> FixAllInDocumentAsync(
        FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var key = context.CodeActionEquivalenceKey;
        if (key is null)
        {
            return null;
        }

        return await ApplyAsync(document, diagnostics, key, context.CancellationToken).ConfigureAwait(false);
    }

    private static async Task<Document> ApplyAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, string key, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (var target in FindOutermostTargets(editor, diagnostics, cancellationToken))
        {
            var replacement = target.CreateReplacement(key);
            if (replacement is not null)
            {
                editor.ReplaceNode(target.Expression, replacement);
            }
        }

        return editor.GetChangedDocument();
    }

    // Diagnostics in one combination lead to the same expression, which is rewritten once. A target nested in
    // another one, such as a cast operand inside a combination, disappears with the outer rewrite.
    private static IEnumerable<ProtocolFixTarget> FindOutermostTargets(
        DocumentEditor editor, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var targets = new Dictionary<TextSpan, ProtocolFixTarget>();
        foreach (var diagnostic in diagnostics)
        {
            var target = ProtocolFixTarget.TryCreate(
                editor.OriginalRoot, editor.SemanticModel, diagnostic.Location.SourceSpan, cancellationToken);
            if (target is not null)
            {
                targets[target.Expression.Span] = target;
            }
        }

        return targets.Values.Where(target => !targets.Keys.Any(
            span => span != target.Expression.Span && span.Contains(target.Expression.Span)));
    }
}
