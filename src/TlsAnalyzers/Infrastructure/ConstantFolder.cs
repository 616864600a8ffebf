using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Folds boolean expressions whose value does not depend on their variable parts: <c>errors == None || true</c> is
/// always true although the compiler does not treat it as a constant.
/// </summary>
internal static class ConstantFolder
{
    /// <summary>Returns the value <paramref name="operation"/> always has, or null when it can vary.</summary>
    public static bool? Fold(IOperation operation)
    {
        if (operation.ConstantValue is { HasValue: true, Value: bool constant })
        {
            return constant;
        }

        return operation switch
        {
            IConversionOperation conversion => Fold(conversion.Operand),
            IParenthesizedOperation parenthesized => Fold(parenthesized.Operand),
            IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not => !Fold(not.Operand),
            IBinaryOperation binary => FoldBinary(binary),
            IConditionalOperation { WhenFalse: { } whenFalse } conditional =>
                FoldBoth(Fold(conditional.WhenTrue), Fold(whenFalse)),

            // NOTE: a non-constant local (`var ok = true; return ok;`) is not followed, so such a callback is not
            // reported.
            _ => null,
        };
    }

    private static bool? FoldBinary(IBinaryOperation binary)
    {
        var left = Fold(binary.LeftOperand);
        var right = Fold(binary.RightOperand);
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.ConditionalOr:
            case BinaryOperatorKind.Or:
                if (left == true || right == true)
                {
                    return true;
                }

                return left == false && right == false ? false : null;

            case BinaryOperatorKind.ConditionalAnd:
            case BinaryOperatorKind.And:
                if (left == false || right == false)
                {
                    return false;
                }

                return left == true && right == true ? true : null;

            default:
                return null;
        }
    }

    // Both branches of `c ? a : b` must agree for the whole to be constant.
    private static bool? FoldBoth(bool? whenTrue, bool? whenFalse) => whenTrue == whenFalse ? whenTrue : null;
}
