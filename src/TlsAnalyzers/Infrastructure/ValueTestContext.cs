using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Tells apart code that uses an enum value as a setting from code that only tests for it. Rules that report weak
/// values (an old protocol, NoEncryption) stay silent on tests, because code that rejects or describes a weak value
/// is usually the fix, not the problem.
/// </summary>
internal static class ValueTestContext
{
    /// <summary>
    /// Returns true when <paramref name="operation"/> only feeds a test or a description: an equality comparison,
    /// a mask with <c>&amp;</c>, a removal with <c>&amp; ~</c> or <c>&amp;= ~</c>, <c>HasFlag</c> or <c>Equals</c>,
    /// an <c>is</c> pattern, a <c>switch</c> case label, <c>nameof</c>, string interpolation or a method called on
    /// the value (<c>ToString()</c>). A <c>|</c> combination counts as its parent does:
    /// <c>(p &amp; (SslProtocols.Tls | SslProtocols.Tls11)) != 0</c> is a test.
    /// </summary>
    public static bool IsTestedOrRemoved(IOperation operation)
    {
        var child = operation;
        for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConversionOperation:
                case IParenthesizedOperation:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Or }:
                    continue;

                case IBinaryOperation binary when IsComparison(binary.OperatorKind):
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.And }:
                    return true;

                case IUnaryOperation { OperatorKind: UnaryOperatorKind.BitwiseNegation } negation:
                    return IsMaskedOut(negation);

                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.And } compound:
                    return compound.Value == child;

                case IArgumentOperation { Parent: IInvocationOperation invocation }:
                    return invocation.TargetMethod.Name is "HasFlag" or "Equals";

                case IInvocationOperation invocation:
                    return invocation.Instance == child;

                case IPatternOperation:
                case ICaseClauseOperation:
                case INameOfOperation:
                case IInterpolationOperation:
                    return true;

                default:
                    return false;
            }
        }

        return false;
    }

    private static bool IsComparison(BinaryOperatorKind kind) => kind is BinaryOperatorKind.Equals
        or BinaryOperatorKind.NotEquals
        or BinaryOperatorKind.LessThan
        or BinaryOperatorKind.LessThanOrEqual
        or BinaryOperatorKind.GreaterThan
        or BinaryOperatorKind.GreaterThanOrEqual;

    // `x & ~Weak` and `x &= ~Weak` clear the weak bits. A complement on its own (`~SslProtocols.Ssl3`) sets every
    // other bit, old protocols included, so it is not a removal.
    private static bool IsMaskedOut(IUnaryOperation negation)
    {
        IOperation child = negation;
        var parent = negation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            child = parent;
            parent = parent.Parent;
        }

        return parent switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.And } => true,
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.And } compound => compound.Value == child,
            _ => false,
        };
    }
}
