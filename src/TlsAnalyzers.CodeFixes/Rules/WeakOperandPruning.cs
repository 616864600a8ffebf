using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TlsAnalyzers.Infrastructure;

namespace TlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// Removes the operands with an old protocol from a <c>|</c> combination and keeps the rest as written, so
/// <c>Tls | Tls11 | Tls12</c> becomes <c>Tls12</c> and line breaks and comments between kept operands stay.
/// </summary>
internal sealed class WeakOperandPruning
{
    private readonly SemanticModel _model;

    public WeakOperandPruning(SemanticModel model) => _model = model;

    public bool RemovedAny { get; private set; }

    /// <summary>True when a kept operand is a constant with TLS 1.2 or 1.3 and nothing older.</summary>
    public bool KeptStrongOnly { get; private set; }

    /// <summary>Returns the combination without its weak operands, or null when no operand is left.</summary>
    public ExpressionSyntax? Prune(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                var inner = Prune(parenthesized.Expression);
                return inner is null ? null : parenthesized.WithExpression(inner);

            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.BitwiseOrExpression):
                return PruneCombination(binary);

            default:
                return PruneOperand(expression);
        }
    }

    private ExpressionSyntax? PruneCombination(BinaryExpressionSyntax binary)
    {
        var left = Prune(binary.Left);
        var right = Prune(binary.Right);
        if (left is null)
        {
            // The survivor takes the indentation that stood before the removed first operand.
            return right?.WithLeadingTrivia(binary.GetLeadingTrivia());
        }

        return right is null ? KeepLeft(left, binary) : binary.Update(left, binary.OperatorToken, right);
    }

    // A comment or line break after the kept operand stays. Plain spaces give way to what followed the removed
    // operand, so `Tls12 | Tls11;` does not become `Tls12 ;`.
    private static ExpressionSyntax KeepLeft(ExpressionSyntax left, BinaryExpressionSyntax binary)
    {
        var ownTrivia = left.GetTrailingTrivia();
        return ownTrivia.Any(trivia => !trivia.IsKind(SyntaxKind.WhitespaceTrivia))
            ? left
            : left.WithTrailingTrivia(binary.GetTrailingTrivia());
    }

    private ExpressionSyntax? PruneOperand(ExpressionSyntax operand)
    {
        var constant = _model.GetConstantValue(operand);
        if (!constant.HasValue || !ProtocolBits.TryGetValue(constant.Value, out var value))
        {
            return operand;
        }

        if (ProtocolBits.HasWeak(value))
        {
            RemovedAny = true;
            return null;
        }

        KeptStrongOnly |= ProtocolBits.IsStrongOnly(value);
        return operand;
    }
}
