using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TlsAnalyzers.Infrastructure;

namespace TlsAnalyzers.Rules;

/// <summary>
/// TLS007: HSTS that protects too briefly (a max-age under one year) or only in development, where it is useless.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WeakHstsConfigurationAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property that names the problem found, so the code fix can pick its action.</summary>
    internal const string KindProperty = "Kind";

    internal const string ShortMaxAgeKind = "ShortMaxAge";
    internal const string DevelopmentOnlyKind = "DevelopmentOnly";

    // hstspreload.org requires at least 31,536,000 seconds (365 days) for the browsers' preload lists.
    internal static readonly TimeSpan MinimumMaxAge = TimeSpan.FromDays(365);

    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.WeakHstsConfiguration,
        title: "Weak HSTS configuration",
        messageFormat: "{0}",
        description: "Set HstsOptions.MaxAge to at least one year, better two years (TimeSpan.FromDays(730)), "
            + "and call UseHsts() outside development, so production responses carry the "
            + "Strict-Transport-Security header.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var options = context.Compilation.FindType("Microsoft.AspNetCore.HttpsPolicy.HstsOptions");
        var hstsExtensions = context.Compilation.FindType("Microsoft.AspNetCore.Builder.HstsBuilderExtensions");
        var names = ImmutableArray.CreateBuilder<string>();
        var actions = new List<(OperationKind, Action<OperationSite>)>();
        if (options?.GetMembers("MaxAge").Length > 0)
        {
            var maxAge = options.GetMembers("MaxAge")[0];
            names.Add("MaxAge");
            actions.Add((OperationKind.SimpleAssignment, c => AnalyzeAssignment(c, maxAge)));
        }

        if (hstsExtensions is not null)
        {
            names.Add("UseHsts");
            actions.Add((OperationKind.Invocation, c => AnalyzeInvocation(c, hstsExtensions)));
        }

        if (actions.Count > 0)
        {
            var finder = new NamedOperationFinder(names.ToImmutable(), actions.ToArray());
            context.RegisterSemanticModelAction(finder.AnalyzeFile);
        }
    }

    private static void AnalyzeAssignment(OperationSite context, ISymbol maxAge)
    {
        // A short max-age set only in development reaches only developers' browsers, where a long one would pin
        // localhost to HTTPS, so it is not reported.
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation property
            || !SymbolMatch.Is(property.Property, maxAge)
            || TimeSpanConstant.TryEvaluate(assignment.Value) is not { } value
            || value >= MinimumMaxAge
            || FindDevelopmentOnlyBranch(assignment) is not null)
        {
            return;
        }

        var message = string.Format(
            CultureInfo.InvariantCulture,
            "HSTS max-age is {0}, shorter than one year, so browsers forget to insist on HTTPS too soon",
            Describe(value));
        context.ReportDiagnostic(Diagnostic.Create(
            Rule, assignment.Syntax.GetLocation(), ImmutableDictionary<string, string?>.Empty.Add(KindProperty, ShortMaxAgeKind), message));
    }

    private static void AnalyzeInvocation(OperationSite context, INamedTypeSymbol hstsExtensions)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "UseHsts"
            || !SymbolMatch.Is(invocation.TargetMethod.ContainingType, hstsExtensions)
            || FindDevelopmentOnlyBranch(invocation) is null)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            invocation.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(KindProperty, DevelopmentOnlyKind),
            "UseHsts() runs only when the environment is development, so production responses carry no HSTS header"));
    }

    /// <summary>
    /// Returns the nearest <c>if</c> around <paramref name="operation"/> that runs it only in development: the
    /// then-branch of <c>if (env.IsDevelopment())</c> or the else-branch of <c>if (!env.IsDevelopment())</c>.
    /// Returns null when the other branch of that <c>if</c> calls UseHsts too.
    /// </summary>
    internal static IConditionalOperation? FindDevelopmentOnlyBranch(IOperation operation)
    {
        for (var (child, parent) = (operation, operation.Parent); parent is not null; (child, parent) = (parent, parent.Parent))
        {
            if (parent is not IConditionalOperation conditional
                || child == conditional.Condition
                || !DevelopmentCheck.IsDevelopmentCondition(conditional.Condition, out var negated))
            {
                continue;
            }

            var inThenBranch = child == conditional.WhenTrue;
            if (inThenBranch == negated)
            {
                return null;
            }

            var otherBranch = inThenBranch ? conditional.WhenFalse : conditional.WhenTrue;
            return CallsUseHsts(otherBranch) ? null : conditional;
        }

        return null;
    }

    private static bool CallsUseHsts(IOperation? branch)
    {
        if (branch is null)
        {
            return false;
        }

        foreach (var descendant in branch.Descendants())
        {
            if (descendant is IInvocationOperation { TargetMethod.Name: "UseHsts" })
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(TimeSpan value)
    {
        var seconds = (long)value.TotalSeconds;
        if (value.Ticks % TimeSpan.TicksPerDay != 0)
        {
            return string.Format(CultureInfo.InvariantCulture, "{0} seconds", seconds);
        }

        var days = (long)value.TotalDays;
        return string.Format(CultureInfo.InvariantCulture, "{0} {1} ({2} seconds)", days, days == 1 ? "day" : "days", seconds);
    }
}
