using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
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

    // The rule searches string literals for this word. It is in the header name however the name is split into
    // concatenated or interpolated parts, unless the split falls inside the word.
    private const string HeaderNamePart = "Transport";

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
        var redirectionExtensions = context.Compilation.FindType(
            "Microsoft.AspNetCore.Builder.HttpsPolicyBuilderExtensions");
        if (redirectionExtensions is null)
        {
            return;
        }

        var headerNames = context.Compilation.FindType("Microsoft.Net.Http.Headers.HeaderNames");
        var state = new CompilationState(redirectionExtensions, headerNames);
        context.RegisterSemanticModelAction(state.AnalyzeFile);
        context.RegisterCompilationEndAction(state.ReportIfHstsMissing);
    }

    /// <summary>
    /// What one compilation has shown so far: the UseHttpsRedirection calls, and whether any code adds HSTS.
    /// </summary>
    /// <remarks>
    /// Each file is searched for the names that add HSTS (UseHsts and other names with Hsts in them,
    /// StrictTransportSecurity, "Transport" in a string) and for UseHttpsRedirection, instead of looking at every call
    /// and assignment of the compilation. Once one file adds HSTS, nothing is left to report, so the other files are
    /// skipped. A header write whose name comes from a constant declared elsewhere spells neither, so the constants
    /// whose value is the header name are collected, and the compilation end looks at their uses before it reports.
    /// </remarks>
    private sealed class CompilationState
    {
        private readonly INamedTypeSymbol _redirectionExtensions;
        private readonly INamedTypeSymbol? _headerNames;
        private readonly NamedOperationFinder _hstsFinder;
        private readonly NamedOperationFinder _redirectionFinder;
        private readonly ConcurrentQueue<Location> _redirections = new();
        private readonly ConcurrentDictionary<string, bool> _headerConstants = new(StringComparer.Ordinal);
        private int _hstsAdded;

        public CompilationState(INamedTypeSymbol redirectionExtensions, INamedTypeSymbol? headerNames)
        {
            _redirectionExtensions = redirectionExtensions;
            _headerNames = headerNames;
            _hstsFinder = new NamedOperationFinder(
                ImmutableArray.Create("Hsts", "StrictTransportSecurity"),
                (OperationKind.Invocation, site => NoteHsts(site.Operation)),
                (OperationKind.SimpleAssignment, site => NoteHsts(site.Operation)));
            _redirectionFinder = new NamedOperationFinder(
                ImmutableArray.Create("UseHttpsRedirection"), (OperationKind.Invocation, NoteRedirection));
        }

        private bool HstsAdded => Volatile.Read(ref _hstsAdded) != 0;

        public void AnalyzeFile(SemanticModelAnalysisContext context)
        {
            if (!HstsAdded)
            {
                _hstsFinder.AnalyzeFile(context);
            }

            if (!HstsAdded)
            {
                NoteHeaderNameLiterals(context);
            }

            if (!HstsAdded)
            {
                _redirectionFinder.AnalyzeFile(context);
            }
        }

        public void ReportIfHstsMissing(CompilationAnalysisContext context)
        {
            if (HstsAdded
                || _redirections.IsEmpty
                || InactiveCodeAddsHsts(context.Compilation, context.CancellationToken)
                || HeaderConstantUseAddsHsts(context.Compilation, context.CancellationToken))
            {
                return;
            }

            foreach (var location in _redirections.OrderBy(location => location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(location => location.SourceSpan.Start))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, "UseHttpsRedirection()"));
            }
        }

        private void NoteRedirection(OperationSite site)
        {
            var invocation = (IInvocationOperation)site.Operation;
            var method = invocation.TargetMethod;
            if (method.Name == "UseHttpsRedirection" && SymbolMatch.Is(method.ContainingType, _redirectionExtensions))
            {
                _redirections.Enqueue(GetReportLocation(invocation));
            }
        }

        private void NoteHsts(IOperation operation)
        {
            var adds = operation switch
            {
                IInvocationOperation invocation => AddsHsts(invocation),
                ISimpleAssignmentOperation assignment => WritesHeader(assignment.Target),
                _ => false,
            };
            if (adds)
            {
                Volatile.Write(ref _hstsAdded, 1);
            }
        }

        // A string that spells part of the header name is either a header write, judged where it is, or the value
        // of a constant such as `const string Hsts = "Strict-" + "Transport-Security"`. The constant is recorded by name,
        // because the header write that uses it may sit in a file that spells the header nowhere.
        private void NoteHeaderNameLiterals(SemanticModelAnalysisContext context)
        {
            var tree = context.SemanticModel.SyntaxTree;
            var root = tree.GetRoot(context.CancellationToken);
            var text = tree.GetText(context.CancellationToken).ToString();
            foreach (var literal in NameSearch.FindStringLiterals(root, text, HeaderNamePart))
            {
                if (GetConstantDeclarator(literal) is { } declarator)
                {
                    _headerConstants.TryAdd(declarator.Identifier.ValueText, true);
                }
                else
                {
                    NoteHstsAround(context.SemanticModel, literal, context.CancellationToken);
                }
            }
        }

        // The last look before reporting: the places that use a constant whose value is the header name, bound and
        // judged like the calls and assignments the search found. The constants are the fields whose value is the
        // name, however it is built, and the constants recorded above, which include locals. A constant built from
        // another one adds that one's uses.
        // NOTE: a constant of a referenced library whose name contains neither Hsts nor StrictTransportSecurity is
        // not found, so a header write that uses it does not count as adding HSTS.
        private bool HeaderConstantUseAddsHsts(Compilation compilation, CancellationToken cancellationToken)
        {
            var seen = new HashSet<string>(_headerConstants.Keys, StringComparer.Ordinal);
            foreach (var member in compilation.GetSymbolsWithName(_ => true, SymbolFilter.Member, cancellationToken))
            {
                if (member is IFieldSymbol { IsConst: true, ConstantValue: string value } field
                    && string.Equals(value, HeaderName, StringComparison.OrdinalIgnoreCase))
                {
                    seen.Add(field.Name);
                }
            }

            var pending = new Queue<string>(seen);
            while (pending.Count > 0)
            {
                var name = pending.Dequeue();
                foreach (var tree in compilation.SyntaxTrees)
                {
                    SemanticModel? model = null;
                    foreach (var token in NameSearch.FindIdentifiers(tree, null, [name], cancellationToken))
                    {
                        if (token.ValueText != name)
                        {
                            continue;
                        }

                        if (GetConstantDeclarator(token) is { } declarator)
                        {
                            if (seen.Add(declarator.Identifier.ValueText))
                            {
                                pending.Enqueue(declarator.Identifier.ValueText);
                            }

                            continue;
                        }

#pragma warning disable RS1030 // A compilation end action has no semantic model of its own in Roslyn 4.8.
                        model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                        NoteHstsAround(model, token, cancellationToken);
                        if (HstsAdded)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private void NoteHstsAround(SemanticModel model, SyntaxToken token, CancellationToken cancellationToken)
        {
            for (var node = token.Parent; node is not null && !HstsAdded; node = node.Parent)
            {
                if (NamedOperationFinder.IsCandidate(node)
                    && NamedOperationFinder.GetOperation(model, node, cancellationToken) is { } operation)
                {
                    NoteHsts(operation);
                }

                if (node is StatementSyntax or MemberDeclarationSyntax)
                {
                    return;
                }
            }
        }

        // The declarator of `const string Name = ...` (a field or a local) whose value contains the token.
        private static VariableDeclaratorSyntax? GetConstantDeclarator(SyntaxToken token)
        {
            for (var node = token.Parent; node is not null; node = node.Parent)
            {
                if (node is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: var declaration } } declarator)
                {
                    var isConstant = declaration switch
                    {
                        FieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.ConstKeyword),
                        LocalDeclarationStatementSyntax local => local.IsConst,
                        _ => false,
                    };
                    return isConstant && declarator.Initializer?.Value.Span.Contains(token.Span) == true ? declarator : null;
                }

                if (node is StatementSyntax or MemberDeclarationSyntax)
                {
                    return null;
                }
            }

            return null;
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
                && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, _headerNames);
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
