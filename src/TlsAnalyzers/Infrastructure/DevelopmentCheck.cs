using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Recognizes the <c>env.IsDevelopment()</c> conditions that ASP.NET Core apps use to keep development-only
/// middleware out of production, and its negation.
/// </summary>
internal static class DevelopmentCheck
{
    /// <summary>
    /// Returns true when <paramref name="condition"/> is <c>x.IsDevelopment()</c> or <c>!x.IsDevelopment()</c>.
    /// <paramref name="negated"/> is true for the second form.
    /// </summary>
    public static bool IsDevelopmentCondition(IOperation? condition, out bool negated)
    {
        negated = false;
        condition = Unwrap(condition);
        if (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
        {
            negated = true;
            condition = Unwrap(not.Operand);
        }

        return condition is IInvocationOperation invocation && IsDevelopmentCall(invocation);
    }

    // ASP.NET Core has three IsDevelopment extensions (IHostEnvironment, the obsolete IHostingEnvironment of both
    // Microsoft.Extensions.Hosting and Microsoft.AspNetCore.Hosting); apps also write their own on a settings type.
    // All of them mean the same thing, so the name and the bool result are what counts.
    private static bool IsDevelopmentCall(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name == "IsDevelopment"
        && invocation.TargetMethod.ReturnType.SpecialType == SpecialType.System_Boolean;

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IParenthesizedOperation or IConversionOperation)
        {
            operation = operation is IParenthesizedOperation parenthesized
                ? parenthesized.Operand
                : ((IConversionOperation)operation).Operand;
        }

        return operation;
    }
}
