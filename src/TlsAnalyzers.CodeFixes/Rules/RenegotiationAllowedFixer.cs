using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// Fixes TLS008 by setting <c>AllowRenegotiation</c> to <c>false</c>. Removing the assignment would read shorter,
/// but the server default was true before .NET 7, so a library that runs on .NET 6 or .NET Core 3.1 would still
/// accept renegotiation.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenegotiationAllowedFixer))]
[Shared]
public sealed class RenegotiationAllowedFixer : CodeFixProvider
{
    public const string DisallowRenegotiationKey = "TLS008.DisallowRenegotiation";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.RenegotiationAllowed);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var node = root?.FindNode(context.Span, getInnermostNodeForTie: true);
        if (root is null || node?.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is not { } assignment
            || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                && !assignment.IsKind(SyntaxKind.OrAssignmentExpression))
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Set AllowRenegotiation to false",
                cancellationToken => DisallowAsync(context.Document, root, assignment, cancellationToken),
                DisallowRenegotiationKey),
            context.Diagnostics);
    }

    // `|= false` would keep whatever value the property had, so an `|=` becomes a plain assignment.
    private static Task<Document> DisallowAsync(
        Document document, SyntaxNode root, AssignmentExpressionSyntax assignment, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var falseLiteral = SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression)
            .WithTriviaFrom(assignment.Right);
        var equalsToken = SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTriviaFrom(assignment.OperatorToken);
        var disallowed = SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression, assignment.Left, equalsToken, falseLiteral)
            .WithTriviaFrom(assignment);
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(assignment, disallowed)));
    }
}
