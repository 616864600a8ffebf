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
    /// Returns true when <paramref name="operation"/> only feeds a test or a description: an equality or tuple
    /// comparison, a mask with <c>&amp;</c>, a removal with <c>&amp; ~</c> or <c>&amp;= ~</c>, a lookup or test
    /// method (<c>HasFlag</c>, <c>Equals</c>, <c>Contains</c>, <c>Remove</c>, an assertion), a dictionary key, an
    /// <c>is</c> pattern, a <c>switch</c> case label, <c>nameof</c>, string interpolation, boxing to
    /// <c>object</c> (<c>Console.WriteLine</c>, format arguments) or a method called on the value
    /// (<c>ToString()</c>). A <c>|</c> combination, a tuple or an array counts as its parent does:
    /// <c>(p &amp; (SslProtocols.Tls | SslProtocols.Tls11)) != 0</c> and
    /// <c>new[] { SslProtocols.Tls, SslProtocols.Tls11 }.Contains(p)</c> are tests.
    /// </summary>
    public static bool IsTestedOrRemoved(IOperation operation)
    {
        var child = operation;
        for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                // No protocol API takes `object`, so a boxed value is only printed, formatted or looked up, unless
                // reflection or the registry stores it: `property.SetValue(null, SecurityProtocolType.Tls)`.
                case IConversionOperation { Type.IsReferenceType: true, Operand.Type.IsValueType: true } boxing:
                    return !IsPassedToSetValue(boxing);

                case IConversionOperation:
                case IParenthesizedOperation:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Or }:
                case ITupleOperation:
                case IArrayInitializerOperation:
                case IArrayCreationOperation:
                    continue;

                case IBinaryOperation binary when IsComparison(binary.OperatorKind):
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.And }:
                case ITupleBinaryOperation:
                    return true;

                case IUnaryOperation { OperatorKind: UnaryOperatorKind.BitwiseNegation } negation:
                    return IsMaskedOut(negation);

                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.And } compound:
                    return compound.Value == child;

                case IArgumentOperation argument:
                    return IsDictionaryKey(argument)
                        || (argument.Parent is IInvocationOperation call && IsTestMethod(call.TargetMethod));

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

    // Equality and lookup methods of the enum and the collections, and the equality assertions of xunit, NUnit,
    // MSTest and FluentAssertions: `Assert.Equal(SslProtocols.Tls, negotiated)` checks a value, it sets nothing.
    private static bool IsTestMethod(IMethodSymbol method) => method.Name is "HasFlag"
        or "Equals"
        or "CompareTo"
        or "Contains"
        or "ContainsKey"
        or "IndexOf"
        or "LastIndexOf"
        or "TryGetValue"
        or "Remove"
        or "Equal"
        or "NotEqual"
        or "AreEqual"
        or "AreNotEqual"
        or "EqualTo"
        or "DoesNotContain"
        or "Be"
        or "NotBe";

    private static bool IsPassedToSetValue(IConversionOperation boxing)
    {
        return boxing.Parent is IArgumentOperation { Parent: IInvocationOperation invocation }
            && invocation.TargetMethod.Name is "SetValue";
    }

    // A dictionary keyed by protocol maps a version to a name or a handler: `{ [SslProtocols.Tls] = "TLS 1.0" }`
    // describes TLS 1.0 without enabling it. A protocol stored as a value is still reported.
    private static bool IsDictionaryKey(IArgumentOperation argument)
    {
        return argument.Parameter?.OriginalDefinition.Type is ITypeParameterSymbol { Name: "TKey" };
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
