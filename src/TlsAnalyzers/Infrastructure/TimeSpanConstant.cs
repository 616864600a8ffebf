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

    // .NET 9 added integer overloads such as FromDays(int days, int hours = 0, long minutes = 0, ...), so every
    // argument, the defaulted ones included, adds its parameter's unit. The double overloads name their one
    // parameter `value`, and the method name gives its unit. Ticks are computed here, not by the TimeSpan of the
    // runtime hosting the analyzer, because .NET Framework (Visual Studio) rounds FromDays(double) to milliseconds.
    private static TimeSpan? EvaluateFactory(IInvocationOperation invocation)
    {
        var ticks = 0d;
        foreach (var argument in invocation.Arguments)
        {
            var unit = GetTicksPerUnit(argument.Parameter?.Name) ?? GetTicksPerUnit(invocation.TargetMethod.Name);
            if (unit is null || GetNumber(argument.Value) is not { } number)
            {
                return null;
            }

            ticks += number * unit.Value;
        }

        // Outside the long range a TimeSpan factory throws at run time; that is not a short max-age.
        if (invocation.Arguments.IsEmpty || double.IsNaN(ticks) || Math.Abs(ticks) >= long.MaxValue)
        {
            return null;
        }

        return TimeSpan.FromTicks((long)ticks);
    }

    private static double? GetTicksPerUnit(string? name) => name switch
    {
        "days" or "FromDays" => TimeSpan.TicksPerDay,
        "hours" or "FromHours" => TimeSpan.TicksPerHour,
        "minutes" or "FromMinutes" => TimeSpan.TicksPerMinute,
        "seconds" or "FromSeconds" => TimeSpan.TicksPerSecond,
        "milliseconds" or "FromMilliseconds" => TimeSpan.TicksPerMillisecond,
        "microseconds" or "FromMicroseconds" => 10,
        "ticks" or "FromTicks" => 1,
        _ => null,
    };

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
