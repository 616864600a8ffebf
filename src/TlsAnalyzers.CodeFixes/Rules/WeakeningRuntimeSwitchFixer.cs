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
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace TlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// Fixes TLS010. The first fix, which <c>dotnet format</c> applies, removes the <c>AppContext.SetSwitch</c> call, or
/// sets the switch to false where the call cannot go because a statement or expression needs it (an expression-bodied
/// member, a lambda, the body of an <c>if</c> without braces). Both shapes share one equivalence key, so Fix All and
/// <c>dotnet format</c> handle them in one pass.
/// A second fix sets the switch to false where the call could be removed. It is the one to pick when the app targets
/// an older .NET Framework whose default for the switch is still the legacy value, for example 4.6.2 and earlier for
/// DontEnableSystemDefaultTlsVersions: there only an explicit false turns the protection on.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WeakeningRuntimeSwitchFixer))]
[Shared]
public sealed class WeakeningRuntimeSwitchFixer : CodeFixProvider
{
    public const string RemoveSwitchKey = "TLS010.RemoveSwitch";
    public const string SetSwitchToFalseKey = "TLS010.SetSwitchToFalse";

    public override ImmutableArray<string> FixableDiagnosticIds =>
        ImmutableArray.Create(RuleIds.WeakeningRuntimeSwitch);

    // Removing two neighbouring calls moves trivia across both, and text changes from separate fixes would overlap,
    // so Fix All edits each document in one pass.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken)
            .ConfigureAwait(false);
        if (root is null || semanticModel is null
            || SwitchCall.Find(root, semanticModel, context.Span, context.CancellationToken) is not { } call)
        {
            return;
        }

        var document = context.Document;
        if (call.RemovableStatement is null)
        {
            Register(context, "Set the switch to false", RemoveSwitchKey,
                cancellationToken => FixAsync(document, [call], removeWherePossible: false, cancellationToken));
            return;
        }

        Register(context, "Remove the AppContext.SetSwitch call", RemoveSwitchKey,
            cancellationToken => FixAsync(document, [call], removeWherePossible: true, cancellationToken));
        Register(context, "Set the switch to false", SetSwitchToFalseKey,
            cancellationToken => FixAsync(document, [call], removeWherePossible: false, cancellationToken));
    }

    private static void Register(
        CodeFixContext context, string title, string key, System.Func<CancellationToken, Task<Document>> createChange)
    {
        context.RegisterCodeFix(CodeAction.Create(title, createChange, key), context.Diagnostics);
    }

    private static async Task<Document?> FixAllInDocumentAsync(
        FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return null;
        }

        var calls = diagnostics
            .Select(diagnostic => SwitchCall.Find(
                root, semanticModel, diagnostic.Location.SourceSpan, context.CancellationToken))
            .OfType<SwitchCall>()
            .ToList();
        var removeWherePossible = context.CodeActionEquivalenceKey != SetSwitchToFalseKey;
        return await FixAsync(document, calls, removeWherePossible, context.CancellationToken).ConfigureAwait(false);
    }

    // Works from the end of the file backwards, so trivia moved off a removed call lands on a token that stays.
    private static async Task<Document> FixAsync(
        Document document,
        IReadOnlyList<SwitchCall> calls,
        bool removeWherePossible,
        CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var nodes = calls.SelectMany(call => call.Nodes);
        var current = root.TrackNodes(nodes);
        foreach (var call in calls.OrderByDescending(call => call.Invocation.SpanStart))
        {
            current = removeWherePossible && call.RemovableStatement is { } statement
                    && IsStillRemovable(current, statement)
                ? RemoveStatement(current, statement)
                : SetFalse(current, call.IsEnabled);
        }

        return document.WithSyntaxRoot(current);
    }

    // Fix All may already have removed the other top-level statements of the file.
    private static bool IsStillRemovable(SyntaxNode root, SyntaxNode original)
    {
        return root.GetCurrentNode(original) is not GlobalStatementSyntax global || HasOtherTopLevelStatement(global);
    }

    // A program whose top-level statements all go has no entry point left (CS5001).
    private static bool HasOtherTopLevelStatement(GlobalStatementSyntax global)
    {
        return global.Parent is CompilationUnitSyntax unit
            && unit.Members.OfType<GlobalStatementSyntax>().Any(other => other != global);
    }

    // Blank lines and comments around the call move to the token that follows it, so the code around keeps its
    // layout and a comment that explained the switch stays for the reviewer. Only the call's own line goes.
    private static SyntaxNode RemoveStatement(SyntaxNode root, SyntaxNode original)
    {
        if (root.GetCurrentNode(original) is not { } statement)
        {
            return root;
        }

        var nextToken = statement.GetLastToken().GetNextToken(includeZeroWidth: true);
        var movedTrivia = WithoutIndentation(statement.GetLeadingTrivia())
            .AddRange(TrailingComment(statement))
            .AddRange(nextToken.LeadingTrivia);
        root = root.ReplaceToken(nextToken, nextToken.WithLeadingTrivia(movedTrivia));

        return root.GetCurrentNode(original) is { } toRemove
            ? root.RemoveNode(toRemove, SyntaxRemoveOptions.KeepNoTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives)
                ?? root
            : root;
    }

    private static SyntaxTriviaList WithoutIndentation(SyntaxTriviaList leading)
    {
        var withoutIndentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? leading.RemoveAt(leading.Count - 1)
            : leading;
        return withoutIndentation.Any(trivia => !trivia.IsKind(SyntaxKind.WhitespaceTrivia))
            ? withoutIndentation
            : SyntaxTriviaList.Empty;
    }

    // `AppContext.SetSwitch(...); // why` keeps the comment on a line of its own, indented like the call.
    private static SyntaxTriviaList TrailingComment(SyntaxNode statement)
    {
        var trailing = statement.GetTrailingTrivia();
        var commentStart = trailing.IndexOf(SyntaxKind.SingleLineCommentTrivia) is var single and >= 0
            ? single
            : trailing.IndexOf(SyntaxKind.MultiLineCommentTrivia);
        if (commentStart < 0)
        {
            return SyntaxTriviaList.Empty;
        }

        var leading = statement.GetLeadingTrivia();
        var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxTriviaList.Empty;
        return indentation.AddRange(trailing.Skip(commentStart));
    }

    private static SyntaxNode SetFalse(SyntaxNode root, ExpressionSyntax original)
    {
        if (root.GetCurrentNode(original) is not { } isEnabled)
        {
            return root;
        }

        var falseLiteral = SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression).WithTriviaFrom(isEnabled);
        return root.ReplaceNode(isEnabled, falseLiteral);
    }

    /// <summary>A reported <c>AppContext.SetSwitch</c> call and the syntax that each fix edits.</summary>
    private sealed class SwitchCall
    {
        private SwitchCall(
            InvocationExpressionSyntax invocation, ExpressionSyntax isEnabled, SyntaxNode? removableStatement)
        {
            Invocation = invocation;
            IsEnabled = isEnabled;
            RemovableStatement = removableStatement;
        }

        public InvocationExpressionSyntax Invocation { get; }

        public ExpressionSyntax IsEnabled { get; }

        /// <summary>
        /// The statement to remove, or null where removing it would leave the code without a statement.
        /// </summary>
        public SyntaxNode? RemovableStatement { get; }

        public IEnumerable<SyntaxNode> Nodes =>
            RemovableStatement is null ? [IsEnabled] : [IsEnabled, RemovableStatement];

        public static SwitchCall? Find(
            SyntaxNode root, SemanticModel semanticModel, TextSpan span, CancellationToken cancellationToken)
        {
            if (root.FindNode(span, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
                || semanticModel.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
            {
                return null;
            }

            // Named arguments may come in any order, so find isEnabled by its parameter position.
            var argument = operation.Arguments.FirstOrDefault(candidate => candidate.Parameter?.Ordinal == 1);
            return (argument?.Syntax as ArgumentSyntax)?.Expression is { } isEnabled
                ? new SwitchCall(invocation, isEnabled, GetRemovableStatement(invocation))
                : null;
        }

        // A statement can go only where it sits in a list of statements. As the body of an `if` or a loop, removing
        // it would leave the code without a statement there.
        private static SyntaxNode? GetRemovableStatement(InvocationExpressionSyntax invocation)
        {
            if (invocation.Parent is not ExpressionStatementSyntax statement)
            {
                return null;
            }

            return statement.Parent switch
            {
                BlockSyntax or SwitchSectionSyntax => statement,
                GlobalStatementSyntax global when HasOtherTopLevelStatement(global) => global,
                _ => null,
            };
        }
    }
}
