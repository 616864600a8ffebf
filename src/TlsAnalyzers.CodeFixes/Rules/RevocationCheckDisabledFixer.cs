using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using TlsAnalyzers.Rules;

namespace TlsAnalyzers.CodeFixes.Rules;

/// <summary>Fixes TLS003 by switching the revocation check back on: <c>true</c> or <c>X509RevocationMode.Online</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RevocationCheckDisabledFixer))]
[Shared]
public sealed class RevocationCheckDisabledFixer : CodeFixProvider
{
    public const string EquivalenceKey = "TLS003.EnableRevocationCheck";

    private const string Title = "Enable the certificate revocation check";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.RevocationCheckDisabled);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var value = FindValue(root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true));
            if (value is null || !diagnostic.Properties.TryGetValue(RevocationCheckDisabledAnalyzer.ValueKindProperty, out var kind))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    token => ReplaceValueAsync(context.Document, value, kind, token),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static ExpressionSyntax? FindValue(SyntaxNode? node) => node switch
    {
        AssignmentExpressionSyntax assignment => assignment.Right,
        ArgumentSyntax argument => argument.Expression,
        ExpressionSyntax { Parent: ArgumentSyntax } expression => expression,
        _ => null,
    };

    private static async Task<Document> ReplaceValueAsync(
        Document document, ExpressionSyntax value, string? kind, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var replacement = kind == RevocationCheckDisabledAnalyzer.RevocationModeKind
            ? CreateOnlineMode(editor)
            : SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression);
        if (replacement is not null)
        {
            editor.ReplaceNode(value, replacement.WithTriviaFrom(value));
        }

        return editor.GetChangedDocument();
    }

    private static SyntaxNode? CreateOnlineMode(DocumentEditor editor)
    {
        var modeType = editor.SemanticModel.Compilation.GetTypeByMetadataName(
            "System.Security.Cryptography.X509Certificates.X509RevocationMode");
        if (modeType is null)
        {
            return null;
        }

        var generator = editor.Generator;
        return generator.MemberAccessExpression(generator.TypeExpression(modeType, addImport: true), "Online")
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
    }
}
