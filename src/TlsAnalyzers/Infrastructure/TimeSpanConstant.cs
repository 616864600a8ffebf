using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Folds a <see cref="TimeSpan"/> expression with constant arguments (<c>TimeSpan.FromDays(30)</c>,
/// <c>new TimeSpan(30, 0, 0, 0)</c>, <c>TimeSpan.Zero</c>,
/// <c>default</c>) to its value. C# has no TimeSpan constants, so the
/// compiler does not do this.
/// </summary>
internal static class TimeSpanConstant
{
    /// <summary>Returns the value, or null when the expression is not one of the folded shapes.</summary>
    public static TimeSpan? TryEvaluate(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        try
        {
            return value switch
            {
                IInvocationOperation invocation when IsTimeSpan(invocation.TargetMethod.ContainingType) =>
                    EvaluateFactory(invocation),
                IObjectCreationOperation creation when IsTimeSpan(creation.Type) => EvaluateConstructor(creation),
                IFieldReferenceOperation { Field.Name: "Zero" } field when IsTimeSpan(field.Field.ContainingType) =>
                    TimeSpan.Zero,
                IDefaultValueOperation when IsTimeSpan(value.Type) => TimeSpan.Zero,
                _ => null,
            };
        }
        catch (Exception exception) when (exception is OverflowException or ArgumentException)
        {
            // A constant too large for a TimeSpan is a compile-time-valid program that throws at run time; it is
            // not a short max-age.
            return null;
        }
    }

    private static TimeSpan? EvaluateFactory(IInvocationOperation invocation)
    {
        if (invocation.Arguments.Length != 1 || GetNumber(invocation.Arguments[0].Value) is not { } number)
        {
            return null;
        }

        return invocation.TargetMethod.Name switch
        {
            "FromDays" => TimeSpan.FromDays(number),
            "FromHours" => TimeSpan.FromHours(number),
            "FromMinutes" => TimeSpan.FromMinutes(number),
            "FromSeconds" => TimeSpan.FromSeconds(number),
            "FromMilliseconds" => TimeSpan.FromMilliseconds(number),
            "FromTicks" => TimeSpan.FromTicks((long)number),
            _ => null,
        };
    }

    private static TimeSpan? EvaluateConstructor(IObjectCreationOperation creation)
    {
        var numbers = creation.Arguments
            .OrderBy(argument => argument.Parameter?.Ordinal ?? int.MaxValue)
            .Select(argument => GetNumber(argument.Value))
            .ToImmutableArray();
        if (numbers.Any(number => number is null))
        {
            return null;
        }

        var parts = numbers.Select(number => (int)number!.Value).ToArray();
        return parts.Length switch
        {
            0 => TimeSpan.Zero,
            1 => new TimeSpan((long)numbers[0]!.Value),
            3 => new TimeSpan(parts[0], parts[1], parts[2]),
            4 => new TimeSpan(parts[0], parts[1], parts[2], parts[3]),
            5 => new TimeSpan(parts[0], parts[1], parts[2], parts[3], parts[4]),
            _ => null,
        };
    }

    private static double? GetNumber(IOperation operation)
    {
        var constant = operation.ConstantValue;
        if (!constant.HasValue || constant.Value is null or string or bool or char)
        {
            return null;
        }

        return Convert.ToDouble(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool IsTimeSpan(ITypeSymbol? type) =>
        type is { Name: "TimeSpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
}
