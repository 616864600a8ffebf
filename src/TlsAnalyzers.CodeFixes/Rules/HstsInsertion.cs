using System.Collections.Generic;
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
/// Works out where <c>UseHsts()</c> goes for one <c>UseHttpsRedirection()</c> statement and rewrites the syntax
/// tree: into the production branch of an existing <c>IsDevelopment()</c> check, into a new
/// <c>if (!env.IsDevelopment())</c>, or unguarded when no environment is in scope.
/// </summary>
internal sealed class HstsInsertion(
    SemanticModel model, ExpressionStatementSyntax redirectionStatement, ExpressionSyntax receiver,
    CancellationToken cancellationToken)
{
    private readonly StatementSyntax _statement = redirectionStatement;

    /// <summary>
    /// Returns the insertion for <c>receiver.UseHttpsRedirection()</c> as a statement of a block or of top-level
    /// code, also inside a fluent chain (<c>app.UseRouting().UseHttpsRedirection().UseStaticFiles();</c>). The
    /// chain must start at a receiver that can be evaluated twice: a name or a member access without calls.
    /// </summary>
    public static HstsInsertion? TryCreate(
        SemanticModel model, InvocationExpressionSyntax redirection, CancellationToken cancellationToken)
    {
        if (redirection.Expression is not MemberAccessExpressionSyntax
            || GetChainStatement(redirection) is not { Parent: BlockSyntax or GlobalStatementSyntax } statement
            || GetChainRoot(model, redirection, cancellationToken) is not { } root)
        {
            return null;
        }

        return new HstsInsertion(model, statement, root, cancellationToken);
    }

    private static ExpressionStatementSyntax? GetChainStatement(InvocationExpressionSyntax invocation) =>
        GetChainTop(invocation).Parent as ExpressionStatementSyntax;

    /// <summary>
    /// Returns the outermost call of the fluent chain that <paramref name="invocation"/> is part of, walking up
    /// through calls made on its result (<c>app.UseHttpsRedirection().UseStaticFiles()</c>).
    /// </summary>
    public static ExpressionSyntax GetChainTop(InvocationExpressionSyntax invocation)
    {
        ExpressionSyntax top = invocation;
        while (top.Parent is MemberAccessExpressionSyntax memberAccess
            && memberAccess.Expression == top
            && memberAccess.Parent is InvocationExpressionSyntax outer
            && outer.Expression == memberAccess)
        {
            top = outer;
        }

        return top;
    }

    // Walks down through earlier calls of the chain (app.UseRouting().UseHttpsRedirection()) to the app. Every
    // call on the way must be an extension method, because the builder extensions return the builder they were
    // given. An instance call such as app.New() starts another pipeline.
    private static ExpressionSyntax? GetChainRoot(
        SemanticModel model, InvocationExpressionSyntax redirection, CancellationToken cancellationToken)
    {
        var receiver = ((MemberAccessExpressionSyntax)redirection.Expression).Expression;
        while (receiver is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax memberAccess } call)
        {
            if (model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol { ReducedFrom: not null })
            {
                return null;
            }

            receiver = memberAccess.Expression;
        }

        var canEvaluateTwice = receiver is IdentifierNameSyntax or ThisExpressionSyntax or MemberAccessExpressionSyntax
            && !receiver.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any();
        return canEvaluateTwice ? receiver : null;
    }

    public SyntaxNode Apply(SyntaxNode root)
    {
        var useHsts = CreateUseHstsStatement();
        if (IsInProductionBranch())
        {
            return InsertBefore(root, useHsts, blankLineBetween: false);
        }

        if (FindPrecedingDevelopmentCheck() is { } check)
        {
            return root.ReplaceNode(check.IfStatement, AddToProductionBranch(check.IfStatement, check.Negated, useHsts));
        }

        if (FindEnvironment() is not { } environment)
        {
            return InsertBefore(root, useHsts, blankLineBetween: false);
        }

        var guard = IfStatement(
            PrefixUnaryExpression(
                SyntaxKind.LogicalNotExpression,
                InvocationExpression(MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression, environment.Expression, IdentifierName("IsDevelopment")))),
            Block(useHsts)).WithAdditionalAnnotations(Formatter.Annotation);
        var newRoot = InsertBefore(root, guard, blankLineBetween: true);
        return environment.RequiredNamespace is { } ns ? UsingDirectives.Add(newRoot, ns) : newRoot;
    }

    private StatementSyntax CreateUseHstsStatement() =>
        ExpressionStatement(InvocationExpression(MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), IdentifierName("UseHsts"))))
            .WithAdditionalAnnotations(Formatter.Annotation);

    // Inside `if (!env.IsDevelopment()) { ... }` (or the else of `if (env.IsDevelopment())`) UseHsts needs no guard.
    private bool IsInProductionBranch()
    {
        var branch = _statement.Parent is BlockSyntax block ? (SyntaxNode)block : _statement;
        return branch.Parent switch
        {
            IfStatementSyntax ifStatement => IsDevelopmentCheck(ifStatement, out var negated) && negated,
            ElseClauseSyntax { Parent: IfStatementSyntax ifStatement } =>
                IsDevelopmentCheck(ifStatement, out var negated) && !negated,
            _ => false,
        };
    }

    private (IfStatementSyntax IfStatement, bool Negated)? FindPrecedingDevelopmentCheck()
    {
        // A check above `var app = builder.Build();` cannot take `app.UseHsts()`, because app does not exist yet.
        var receiverDeclared = GetLocalDeclarationEnd(receiver);
        var candidates = GetPrecedingSiblings().Reverse().TakeWhile(sibling => sibling.SpanStart > receiverDeclared);
        foreach (var sibling in candidates)
        {
            if (sibling is IfStatementSyntax ifStatement
                && IsDevelopmentCheck(ifStatement, out var negated)
                && ProductionBranchCanTakeStatement(ifStatement, negated))
            {
                return (ifStatement, negated);
            }
        }

        return null;
    }

    private int GetLocalDeclarationEnd(ExpressionSyntax expression)
    {
        while (expression is MemberAccessExpressionSyntax memberAccess)
        {
            expression = memberAccess.Expression;
        }

        return model.GetSymbolInfo(expression, cancellationToken).Symbol is ILocalSymbol local
            && local.Locations.FirstOrDefault() is { IsInSource: true } location
            && location.SourceTree == expression.SyntaxTree
            ? location.SourceSpan.End
            : -1;
    }

    // An `else if` chain has no single production branch to add to.
    private static bool ProductionBranchCanTakeStatement(IfStatementSyntax ifStatement, bool negated) =>
        negated || ifStatement.Else?.Statement is null or not IfStatementSyntax;

    private IEnumerable<StatementSyntax> GetPrecedingSiblings()
    {
        if (_statement.Parent is BlockSyntax block)
        {
            return block.Statements.TakeWhile(statement => statement != _statement);
        }

        var global = (GlobalStatementSyntax)_statement.Parent!;
        var unit = (CompilationUnitSyntax)global.Parent!;
        return unit.Members.TakeWhile(member => member != global).OfType<GlobalStatementSyntax>().Select(member => member.Statement);
    }

    private bool IsDevelopmentCheck(IfStatementSyntax ifStatement, out bool negated) =>
        DevelopmentCheck.IsDevelopmentCondition(model.GetOperation(ifStatement.Condition, cancellationToken), out negated);

    private static IfStatementSyntax AddToProductionBranch(IfStatementSyntax ifStatement, bool negated, StatementSyntax useHsts)
    {
        if (negated)
        {
            return ifStatement.WithStatement(AppendStatement(ifStatement.Statement, useHsts));
        }

        if (ifStatement.Else is null)
        {
            var thenBranch = ifStatement.Statement.WithTrailingTrivia(ifStatement.Statement.GetTrailingTrivia()
                .Where(trivia => !trivia.IsKind(SyntaxKind.EndOfLineTrivia)));
            return ifStatement.WithStatement(thenBranch)
                .WithElse(ElseClause(Block(useHsts)).WithAdditionalAnnotations(Formatter.Annotation))
                .WithTrailingTrivia(ifStatement.GetTrailingTrivia());
        }

        return ifStatement.WithElse(ifStatement.Else.WithStatement(AppendStatement(ifStatement.Else.Statement, useHsts)));
    }

    internal static StatementSyntax AppendStatement(StatementSyntax branch, StatementSyntax statement)
    {
        if (branch is BlockSyntax block)
        {
            return block.AddStatements(statement);
        }

        return Block(branch.WithoutTrivia(), statement)
            .WithTriviaFrom(branch)
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    private EnvironmentReference? FindEnvironment() =>
        EnvironmentReference.FromWebApplication(model, receiver, cancellationToken)
        ?? EnvironmentReference.FromScope(model, _statement.SpanStart);

    // Blank lines above the redirect move above the new statement, and comments stay with the redirect.
    private SyntaxNode InsertBefore(SyntaxNode root, StatementSyntax newStatement, bool blankLineBetween)
    {
        var leading = _statement.GetLeadingTrivia();
        var firstComment = FindFirstComment(leading);
        var aboveTrivia = firstComment < 0 ? leading : TriviaList(leading.Take(firstComment));
        var commentStart = firstComment > 0 && leading[firstComment - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? firstComment - 1
            : firstComment;
        var ownTrivia = firstComment < 0 ? GetIndentation(leading) : TriviaList(leading.Skip(commentStart));

        var newLine = EndOfLine(UsingDirectives.GetNewLine(_statement.SyntaxTree.GetRoot(cancellationToken)));
        var first = newStatement.WithLeadingTrivia(aboveTrivia).WithTrailingTrivia(newLine);
        var second = _statement.WithLeadingTrivia(blankLineBetween ? ownTrivia.Insert(0, newLine) : ownTrivia);
        return ReplaceWithTwo(root, first, second);
    }

    private SyntaxNode ReplaceWithTwo(SyntaxNode root, StatementSyntax first, StatementSyntax second)
    {
        if (_statement.Parent is GlobalStatementSyntax global)
        {
            return root.ReplaceNode(global, new SyntaxNode[] { GlobalStatement(first), global.WithStatement(second) });
        }

        return root.ReplaceNode(_statement, new SyntaxNode[] { first, second });
    }

    // Preprocessor directives (#endif of a debug-only block, #region) and the inactive code between them stay above
    // the new statement, or UseHsts could land inside `#if DEBUG` and be missing from release builds.
    private static int FindFirstComment(SyntaxTriviaList leading)
    {
        var start = 0;
        for (var index = leading.Count - 1; index >= 0; index--)
        {
            if (leading[index].IsDirective || leading[index].IsKind(SyntaxKind.DisabledTextTrivia))
            {
                start = index + 1;
                break;
            }
        }

        for (var index = start; index < leading.Count; index++)
        {
            if (!leading[index].IsKind(SyntaxKind.WhitespaceTrivia)
                && !leading[index].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return index;
            }
        }

        return -1;
    }

    private static SyntaxTriviaList GetIndentation(SyntaxTriviaList leading) =>
        leading.Count > 0 && leading.Last().IsKind(SyntaxKind.WhitespaceTrivia) ? TriviaList(leading.Last()) : default;
}
