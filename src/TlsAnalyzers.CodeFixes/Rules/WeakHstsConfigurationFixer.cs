using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TlsAnalyzers.Rules;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// Raises a short HSTS max-age to two years, or moves a development-only <c>UseHsts()</c> to the production branch.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WeakHstsConfigurationFixer))]
[Shared]
public sealed class WeakHstsConfigurationFixer : CodeFixProvider
{
    internal const string MaxAgeEquivalenceKey = "TLS007.UseTwoYearMaxAge";
    internal const string MoveEquivalenceKey = "TLS007.MoveUseHstsOutOfDevelopment";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.WeakHstsConfiguration);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var diagnostic = context.Diagnostics[0];
        var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (node is null || !diagnostic.Properties.TryGetValue(WeakHstsConfigurationAnalyzer.KindProperty, out var kind))
        {
            return;
        }

        if (kind == WeakHstsConfigurationAnalyzer.ShortMaxAgeKind
            && node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is { } assignment)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Set the HSTS max-age to two years",
                    cancellationToken => SetTwoYearsAsync(context.Document, assignment, cancellationToken),
                    MaxAgeEquivalenceKey),
                diagnostic);
            return;
        }

        if (kind == WeakHstsConfigurationAnalyzer.DevelopmentOnlyKind
            && node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { Parent: ExpressionStatementSyntax statement })
        {
            await RegisterMoveAsync(context, statement).ConfigureAwait(false);
        }
    }

    // 730 days = 63,072,000 seconds, the max-age of hstspreload.org's example header and Mozilla's guidelines.
    private static async Task<Document> SetTwoYearsAsync(
        Document document, AssignmentExpressionSyntax assignment, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        // Write TimeSpan when it binds to System.TimeSpan at this spot (a using or an implicit global using),
        // System.TimeSpan otherwise.
        var shortForm = ParseExpression("TimeSpan.FromDays(730)");
        var bound = model.GetSpeculativeSymbolInfo(
            assignment.Right.SpanStart, shortForm, SpeculativeBindingOption.BindAsExpression).Symbol;
        var twoYears = bound?.ContainingType?.ToDisplayString() == "System.TimeSpan"
            ? shortForm
            : ParseExpression("System.TimeSpan.FromDays(730)");
        return document.WithSyntaxRoot(root.ReplaceNode(assignment.Right, twoYears.WithTriviaFrom(assignment.Right)));
    }

    private static async Task RegisterMoveAsync(CodeFixContext context, ExpressionStatementSyntax statement)
    {
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model?.GetOperation(statement.Expression, context.CancellationToken) is not { } operation
            || WeakHstsConfigurationAnalyzer.FindDevelopmentOnlyBranch(operation) is not { Syntax: IfStatementSyntax ifStatement }
            || !DevelopmentBranchMove.CanMove(ifStatement, statement, model, context.CancellationToken))
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Move UseHsts() out of the development branch",
                cancellationToken => MoveAsync(context.Document, ifStatement, statement, cancellationToken),
                MoveEquivalenceKey),
            context.Diagnostics[0]);
    }

    private static async Task<Document> MoveAsync(
        Document document, IfStatementSyntax ifStatement, ExpressionStatementSyntax statement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var newIf = DevelopmentBranchMove.Move(ifStatement, statement, model, cancellationToken);
        return document.WithSyntaxRoot(root.ReplaceNode(ifStatement, newIf));
    }
}
