using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using TlsAnalyzers.Infrastructure;

namespace TlsAnalyzers.Rules;

/// <summary>
/// TLS006: an ASP.NET Core app redirects to HTTPS but no code in the compilation adds HSTS. Without the
/// Strict-Transport-Security header a browser keeps trying plain HTTP first, and an attacker on the network can
/// intercept that request before the redirect (SSL stripping).
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class MissingHstsAnalyzer : DiagnosticAnalyzer
{
    internal const string HeaderName = "Strict-Transport-Security";

    // The decision needs every file of the compilation, so the rule reports at compilation end. IDEs run such
    // analyzers only with full-solution analysis; the build always runs them.
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.MissingHsts,
        title: "HTTPS app without HSTS",
        messageFormat: "'{0}' redirects to HTTPS, but no code in the project adds HSTS (UseHsts or a "
            + "Strict-Transport-Security header), so the first plain-HTTP request can be intercepted",
        description: "Call app.UseHsts() outside development, before UseHttpsRedirection(), or send the "
            + "Strict-Transport-Security header from your own middleware. If a reverse proxy adds the header, "
            + "turn this rule off for the project.",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var redirectionExtensions = context.Compilation.GetTypeByMetadataName(
            "Microsoft.AspNetCore.Builder.HttpsPolicyBuilderExtensions");
        if (redirectionExtensions is null)
        {
            return;
        }

        var headerNames = context.Compilation.GetTypeByMetadataName("Microsoft.Net.Http.Headers.HeaderNames");
        var state = new CompilationState(redirectionExtensions, headerNames);
        context.RegisterOperationAction(state.AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(state.AnalyzeAssignment, OperationKind.SimpleAssignment);
        context.RegisterCompilationEndAction(state.ReportIfHstsMissing);
    }

    /// <summary>
    /// What one compilation has shown so far: the UseHttpsRedirection calls, and whether any code adds HSTS.
    /// </summary>
    private sealed class CompilationState(INamedTypeSymbol redirectionExtensions, INamedTypeSymbol? headerNames)
    {
        private readonly ConcurrentQueue<Location> _redirections = new();
        private int _hstsAdded;

        private bool HstsAdded => Volatile.Read(ref _hstsAdded) != 0;

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (method.Name == "UseHttpsRedirection"
                && SymbolMatch.Is(method.ContainingType, redirectionExtensions))
            {
                _redirections.Enqueue(GetReportLocation(invocation));
                return;
            }

            if (!HstsAdded && AddsHsts(invocation))
            {
                Volatile.Write(ref _hstsAdded, 1);
            }
        }

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            if (!HstsAdded && WritesHeader(((ISimpleAssignmentOperation)context.Operation).Target))
            {
                Volatile.Write(ref _hstsAdded, 1);
            }
        }

        public void ReportIfHstsMissing(CompilationAnalysisContext context)
        {
            if (HstsAdded
                || _redirections.IsEmpty
                || InactiveCodeAddsHsts(context.Compilation, context.CancellationToken))
            {
                return;
            }

            foreach (var location in _redirections.OrderBy(location => location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(location => location.SourceSpan.Start))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, "UseHttpsRedirection()"));
            }
        }

        // Any UseHsts counts (NWebsec and other libraries have their own), and so do the policy builders of the
        // security-headers libraries: AddStrictTransportSecurityMaxAge, AddStrictTransportSecurityMaxAgeIncludeSubDomains.
        private bool AddsHsts(IInvocationOperation invocation)
        {
            var name = invocation.TargetMethod.Name;
            if (name == "UseHsts" || name.StartsWith("AddStrictTransportSecurity", StringComparison.Ordinal))
            {
                return true;
            }

            // A header write takes a name and a value. A one-argument Add only names the header, for example in a
            // list of headers to forward or expose.
            var keyOrdinal = invocation.TargetMethod.IsExtensionMethod ? 1 : 0;
            return name is "Append" or "Add" or "TryAdd" or "TryAddWithoutValidation"
                && invocation.TargetMethod.Parameters.Length > keyOrdinal + 1
                && GetArgument(invocation, keyOrdinal) is { } key
                && IsHeaderName(key);
        }

        // headers["Strict-Transport-Security"] = ... and headers.StrictTransportSecurity = ... (IHeaderDictionary).
        private bool WritesHeader(IOperation target)
        {
            if (target is not IPropertyReferenceOperation property)
            {
                return false;
            }

            if (property.Property.IsIndexer)
            {
                return property.Arguments.Length == 1 && IsHeaderName(property.Arguments[0].Value);
            }

            return property.Property.Name == "StrictTransportSecurity";
        }

        private bool IsHeaderName(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value.ConstantValue is { HasValue: true, Value: string text })
            {
                return string.Equals(text, HeaderName, StringComparison.OrdinalIgnoreCase);
            }

            return value is IFieldReferenceOperation field
                && field.Field.Name == "StrictTransportSecurity"
                && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, headerNames);
        }
    }

    /// <summary>
    /// Returns true when code that this build skips (<c>#if PRODUCTION</c>, <c>#if !DEBUG</c> in a debug build)
    /// mentions UseHsts or the header, because the builds that compile it send HSTS. A <c>#if DEBUG</c> or
    /// <c>#if false</c> block does not count: HSTS only in debug builds, or in none, leaves production without it.
    /// </summary>
    private static bool InactiveCodeAddsHsts(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = tree.GetRoot(cancellationToken);
            if (root.ContainsDirectives && InactiveCodeAddsHsts(root))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InactiveCodeAddsHsts(SyntaxNode root)
    {
        var previous = default(SyntaxTrivia);
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.DisabledTextTrivia)
                && !IsDebugOrDeadBranch(previous)
                && MentionsHsts(trivia.ToString()))
            {
                return true;
            }

            previous = trivia;
        }

        return false;
    }

    // `#if DEBUG` code ships in no release build, and `#if false` code in no build at all.
    private static bool IsDebugOrDeadBranch(SyntaxTrivia directive)
    {
        var condition = directive.GetStructure() switch
        {
            IfDirectiveTriviaSyntax ifDirective => ifDirective.Condition,
            ElifDirectiveTriviaSyntax elifDirective => elifDirective.Condition,
            _ => null,
        };
        return condition is IdentifierNameSyntax { Identifier.ValueText: "DEBUG" }
            || condition.IsKind(SyntaxKind.FalseLiteralExpression);
    }

    private static bool MentionsHsts(string code) =>
        code.IndexOf("UseHsts", StringComparison.Ordinal) >= 0
        || code.IndexOf("StrictTransportSecurity", StringComparison.Ordinal) >= 0
        || code.IndexOf(HeaderName, StringComparison.OrdinalIgnoreCase) >= 0;

    // The key is the first argument after the extended receiver of an extension method.
    private static IOperation? GetArgument(IInvocationOperation invocation, int ordinal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument.Value;
            }
        }

        return null;
    }

    // The squiggle covers the method name and its arguments, not a long receiver chain before it.
    private static Location GetReportLocation(IInvocationOperation invocation)
    {
        var syntax = invocation.Syntax;
        if (syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax memberAccess })
        {
            return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(memberAccess.Name.SpanStart, syntax.Span.End));
        }

        return syntax.GetLocation();
    }
}
