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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace TlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// Fixes TLS010. The first fix, which <c>dotnet format</c> applies, removes the <c>AppContext.SetSwitch</c> call, or
/// sets the switch to false where the call cannot go because a statement or expression needs it (an expression-bodied
/// member, a lambda, the body of an <c>if</c> without braces). Both fixes share one equivalence key, so Fix All and
/// <c>dotnet format</c> handle every shape in one pass.
/// A second fix sets the switch to false where the call could be removed. It is the one to pick when the app targets
/// an older .NET Framework whose default for the switch is still the legacy value (4.6.2 and earlier for the
/// System.Net switches, 4.7 and earlier for the WCF ones).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WeakeningRuntimeSwitchFixer))]
[Shared]
public sealed class WeakeningRuntimeSwitchFixer : CodeFixProvider
{
    public const string RemoveSwitchKey = "TLS010.RemoveSwitch";
    public const string SetSwitchToFalseKey = "TLS010.SetSwitchToFalse";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.WeakeningRuntimeSwitch);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
            || semanticModel is null
            || FindIsEnabledArgument(semanticModel, invocation, context.CancellationToken) is not { } isEnabled)
        {
            return;
        }

        if (GetRemovableStatement(invocation) is { } statement)
        {
            Register(context, "Remove the AppContext.SetSwitch call", RemoveSwitchKey,
                cancellationToken => RemoveAsync(context.Document, statement, cancellationToken));
            Register(context, "Set the switch to false", SetSwitchToFalseKey,
                cancellationToken => SetFalseAsync(context.Document, isEnabled, cancellationToken));
            return;
        }

        Register(context, "Set the switch to false", RemoveSwitchKey,
            cancellationToken => SetFalseAsync(context.Document, isEnabled, cancellationToken));
    }

    private static void Register(
        CodeFixContext context, string title, string key, System.Func<CancellationToken, Task<Document>> createChange)
    {
        context.RegisterCodeFix(CodeAction.Create(title, createChange, key), context.Diagnostics);
    }

    private static ExpressionSyntax? FindIsEnabledArgument(
        SemanticModel semanticModel, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        if (semanticModel.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
        {
            return null;
        }

        var argument = operation.Arguments.FirstOrDefault(candidate => candidate.Parameter?.Ordinal == 1);
        return (argument?.Syntax as ArgumentSyntax)?.Expression;
    }

    // A statement can go only where a list of statements holds it. As the body of an `if` or a loop, removing it
    // would leave the code without a statement there.
    private static SyntaxNode? GetRemovableStatement(InvocationExpressionSyntax invocation)
    {
        if (invocation.Parent is not ExpressionStatementSyntax statement)
        {
            return null;
        }

        return statement.Parent switch
        {
            BlockSyntax or SwitchSectionSyntax => statement,
            GlobalStatementSyntax global when global.Parent is CompilationUnitSyntax => global,
            _ => null,
        };
    }

    private static async Task<Document> RemoveAsync(
        Document document, SyntaxNode statement, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.RemoveNode(statement, RemoveOptionsFor(statement));
        return editor.GetChangedDocument();
    }

    // A comment above the call explains why it was there; keep it for the reviewer rather than delete it silently.
    private static SyntaxRemoveOptions RemoveOptionsFor(SyntaxNode statement)
    {
        var hasComment = statement.GetLeadingTrivia().Any(
            trivia => trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia));
        return hasComment
            ? SyntaxRemoveOptions.KeepLeadingTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives
            : SyntaxRemoveOptions.KeepUnbalancedDirectives;
    }

    private static async Task<Document> SetFalseAsync(
        Document document, ExpressionSyntax isEnabled, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var falseLiteral = SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression).WithTriviaFrom(isEnabled);
        editor.ReplaceNode(isEnabled, falseLiteral);
        return editor.GetChangedDocument();
    }
}
