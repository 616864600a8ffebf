using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace TlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// Builds the edit that removes a certificate-validation bypass, so the platform's default validation applies: the
/// assignment statement, the object-initializer member, the callback argument or the AllowAnyClientCertificate()
/// call. Returns null where removing would not compile.
/// </summary>
internal static class DefaultValidationEdit
{
    public static Action<DocumentEditor>? Create(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        var expression = node as ExpressionSyntax;
        while (expression?.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized;
        }

        return expression?.Parent switch
        {
            AssignmentExpressionSyntax assignment when assignment.Right == expression =>
                RemoveExpression(assignment, model, cancellationToken),
            ArgumentSyntax argument => ForArgument(argument, model, cancellationToken),
            EqualsValueClauseSyntax initializer => ForInitializer(initializer, model, cancellationToken),
            _ when expression is InvocationExpressionSyntax call => RemoveExpression(call, model, cancellationToken),
            _ => null,
        };
    }

    // An assignment or call on its own: as a statement, as an object-initializer member or as the body of a lambda
    // that returns nothing (`https => https.AllowAnyClientCertificate()`).
    private static Action<DocumentEditor>? RemoveExpression(
        ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (expression.Parent)
        {
            case ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } statement:
                return editor => RemoveStatement(editor, statement);

            case ExpressionStatementSyntax { Parent: GlobalStatementSyntax global }:
                return editor => RemoveStatement(editor, global);

            case ExpressionStatementSyntax statement:
                return editor => editor.ReplaceNode(statement, EmptyBlock().WithTriviaFrom(statement));

            case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ObjectInitializerExpression):
                return editor => editor.RemoveNode(expression, SyntaxRemoveOptions.KeepUnbalancedDirectives);

            case LambdaExpressionSyntax lambda when lambda.ExpressionBody == expression
                && model.GetSymbolInfo(lambda, cancellationToken).Symbol is IMethodSymbol { ReturnsVoid: true }:
                return editor => editor.ReplaceNode(
                    lambda, lambda.WithExpressionBody(null).WithBlock(EmptyBlock().WithTriviaFrom(expression)));

            default:
                return null;
        }
    }

    // Blank lines and comment lines above the statement stay where they are, because they may belong to the code
    // around it as well. The indentation of the removed line goes with it.
    private static void RemoveStatement(DocumentEditor editor, SyntaxNode statement)
    {
        var leading = statement.GetLeadingTrivia().ToList();
        var lastLineEnd = leading.FindLastIndex(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        if (lastLineEnd < 0)
        {
            editor.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives);
            return;
        }

        editor.ReplaceNode(statement, (current, _) => current.WithLeadingTrivia(leading.Take(lastLineEnd + 1)));
        editor.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives | SyntaxRemoveOptions.KeepLeadingTrivia);
    }

    // `{ }` on one line, as a person would write it; elastic trivia would let the formatter spread it over two.
    private static BlockSyntax EmptyBlock() => SyntaxFactory.Block(
        SyntaxFactory.Token(default, SyntaxKind.OpenBraceToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
        default,
        SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithoutTrivia());

    private static Action<DocumentEditor>? ForArgument(
        ArgumentSyntax argument, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetOperation(argument, cancellationToken) is not IArgumentOperation { Parameter: { } parameter }
            || parameter.ContainingSymbol is not IMethodSymbol method
            || argument.Parent is not BaseArgumentListSyntax list)
        {
            return null;
        }

        if (list.Arguments.Last() == argument && argument.NameColon is null
            && (parameter.IsOptional || HasOverloadWithoutLastParameter(method, parameter)))
        {
            return editor => editor.RemoveNode(argument);
        }

        if (parameter.Type.NullableAnnotation != NullableAnnotation.NotAnnotated)
        {
            return editor => editor.ReplaceNode(
                argument.Expression,
                SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression).WithTriviaFrom(argument.Expression));
        }

        return null;
    }

    // new SslStream(stream, false, callback) becomes new SslStream(stream, false): the overload without a callback.
    private static bool HasOverloadWithoutLastParameter(IMethodSymbol method, IParameterSymbol parameter)
    {
        if (!SymbolEqualityComparer.Default.Equals(method.Parameters.LastOrDefault(), parameter))
        {
            return false;
        }

        var expected = method.Parameters.Take(method.Parameters.Length - 1).Select(p => p.Type).ToList();
        var candidates = method.MethodKind == MethodKind.Constructor
            ? method.ContainingType.InstanceConstructors.Cast<ISymbol>()
            : method.ContainingType.GetMembers(method.Name);
        return candidates.OfType<IMethodSymbol>().Any(candidate =>
            candidate.IsStatic == method.IsStatic
            && candidate.Parameters.Select(p => p.Type).SequenceEqual(expected, SymbolEqualityComparer.Default));
    }

    // A field or property whose type allows null can lose its initializer. Without the initializer, one whose type
    // does not allow null would get a nullable warning, so it is offered only the other fix.
    private static Action<DocumentEditor>? ForInitializer(
        EqualsValueClauseSyntax initializer, SemanticModel model, CancellationToken cancellationToken)
    {
        var declared = initializer.Parent switch
        {
            VariableDeclaratorSyntax declarator => model.GetDeclaredSymbol(declarator, cancellationToken) switch
            {
                IFieldSymbol field => field.Type,
                _ => null,
            },
            PropertyDeclarationSyntax property => model.GetDeclaredSymbol(property, cancellationToken)?.Type,
            _ => null,
        };
        if (declared is null || declared.NullableAnnotation == NullableAnnotation.NotAnnotated)
        {
            return null;
        }

        return initializer.Parent switch
        {
            VariableDeclaratorSyntax declarator => editor => editor.ReplaceNode(
                declarator, declarator.WithInitializer(null).WithIdentifier(declarator.Identifier.WithoutTrivia())),
            PropertyDeclarationSyntax property => editor => editor.ReplaceNode(
                property,
                property.WithInitializer(null)
                    .WithSemicolonToken(default)
                    .WithAccessorList(property.AccessorList?.WithTrailingTrivia(property.SemicolonToken.TrailingTrivia))),
            _ => null,
        };
    }
}
