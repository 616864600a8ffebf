using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using TlsAnalyzers.Infrastructure;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// Moves a statement from the development branch of an <c>if (env.IsDevelopment())</c> check to its production
/// branch, and turns the check into <c>if (!env.IsDevelopment())</c> when the development branch ends up empty.
/// </summary>
internal static class DevelopmentBranchMove
{
    /// <summary>
    /// Returns true when <paramref name="statement"/> sits directly in the development branch. An <c>else if</c>
    /// chain as the production branch becomes <c>else { if ... }</c> with the statement after the inner <c>if</c>, so
    /// it runs in every environment but development.
    /// </summary>
    public static bool CanMove(
        IfStatementSyntax ifStatement, StatementSyntax statement, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!IsNegated(ifStatement, model, cancellationToken, out var negated))
        {
            return false;
        }

        var developmentBranch = negated ? ifStatement.Else?.Statement : ifStatement.Statement;
        var productionBranch = negated ? ifStatement.Statement : ifStatement.Else?.Statement;
        // NOTE: a call nested deeper in the branch (inside another if, a loop or a lambda) gets no move, because
        // lifting it out would change when it runs. The diagnostic stays for the developer.
        var isDirectChild = statement == developmentBranch
            || (developmentBranch is BlockSyntax && statement.Parent == developmentBranch);
        return developmentBranch is not null && isDirectChild;
    }

    public static IfStatementSyntax Move(
        IfStatementSyntax ifStatement, StatementSyntax statement, SemanticModel model, CancellationToken cancellationToken)
    {
        IsNegated(ifStatement, model, cancellationToken, out var negated);
        var moved = statement.WithoutTrivia().WithAdditionalAnnotations(Formatter.Annotation);
        var developmentBranch = Remove(negated ? ifStatement.Else!.Statement : ifStatement.Statement, statement);
        var productionBranch = negated ? ifStatement.Statement : ifStatement.Else?.Statement;
        var newProduction = productionBranch is null
            ? Block(moved).WithAdditionalAnnotations(Formatter.Annotation)
            : HstsInsertion.AppendStatement(productionBranch, moved);

        if (IsEmpty(developmentBranch))
        {
            // Only the production branch is left: `if (!env.IsDevelopment()) { ... }`.
            var condition = negated
                ? ifStatement.Condition
                : PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, ifStatement.Condition.WithoutTrivia())
                    .WithTriviaFrom(ifStatement.Condition);
            return ifStatement.WithCondition(condition)
                .WithStatement(newProduction.WithTriviaFrom(ifStatement.Statement))
                .WithElse(null)
                .WithTrailingTrivia(ifStatement.GetTrailingTrivia());
        }

        return negated
            ? ifStatement.WithStatement(newProduction).WithElse(ifStatement.Else!.WithStatement(developmentBranch))
            : WithElse(ifStatement.WithStatement(developmentBranch), newProduction);
    }

    private static IfStatementSyntax WithElse(IfStatementSyntax ifStatement, StatementSyntax production)
    {
        if (ifStatement.Else is not null)
        {
            return ifStatement.WithElse(ifStatement.Else.WithStatement(production));
        }

        var trailing = ifStatement.GetTrailingTrivia();
        return ifStatement.WithoutTrailingTrivia()
            .WithElse(ElseClause(production).WithAdditionalAnnotations(Formatter.Annotation))
            .WithTrailingTrivia(trailing);
    }

    private static StatementSyntax Remove(StatementSyntax branch, StatementSyntax statement)
    {
        if (branch == statement)
        {
            return Block().WithTriviaFrom(branch).WithAdditionalAnnotations(Formatter.Annotation);
        }

        var block = (BlockSyntax)branch;
        var index = block.Statements.IndexOf(statement);
        var newBlock = block.WithStatements(block.Statements.RemoveAt(index));
        if (!HasComment(statement.GetLeadingTrivia()))
        {
            return newBlock;
        }

        // A comment above the moved call usually describes the development setup, so it stays in the branch. It
        // moves to the next statement or the closing brace, without the moved call's indentation.
        var comment = statement.GetLeadingTrivia();
        if (comment.Last().IsKind(SyntaxKind.WhitespaceTrivia))
        {
            comment = comment.RemoveAt(comment.Count - 1);
        }

        if (index < newBlock.Statements.Count)
        {
            var next = newBlock.Statements[index];
            return newBlock.ReplaceNode(next, next.WithLeadingTrivia(comment.AddRange(next.GetLeadingTrivia())));
        }

        var closeBrace = newBlock.CloseBraceToken;
        return newBlock.WithCloseBraceToken(closeBrace.WithLeadingTrivia(comment.AddRange(closeBrace.LeadingTrivia)));
    }

    // A block that still holds a comment is not empty: the comment may explain the development setup.
    private static bool IsEmpty(StatementSyntax branch) =>
        branch is BlockSyntax { Statements.Count: 0 } block && !HasComment(block.CloseBraceToken.LeadingTrivia);

    private static bool HasComment(SyntaxTriviaList trivia) => trivia.Any(item =>
        !item.IsKind(SyntaxKind.WhitespaceTrivia) && !item.IsKind(SyntaxKind.EndOfLineTrivia));

    private static bool IsNegated(
        IfStatementSyntax ifStatement, SemanticModel model, CancellationToken cancellationToken, out bool negated) =>
        DevelopmentCheck.IsDevelopmentCondition(model.GetOperation(ifStatement.Condition, cancellationToken), out negated);
}
