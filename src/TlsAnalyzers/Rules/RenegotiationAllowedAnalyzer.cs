using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TlsAnalyzers.Infrastructure;

namespace TlsAnalyzers.Rules;

/// <summary>
/// TLS008: reports <c>SslServerAuthenticationOptions.AllowRenegotiation = true</c>. Client-initiated renegotiation
/// lets one client force the server through handshake after handshake, a cheap way to exhaust its CPU, and it carried
/// the TLS renegotiation attack of 2009 (CVE-2009-3555). TLS 1.3 removed renegotiation altogether.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RenegotiationAllowedAnalyzer : DiagnosticAnalyzer
{
    public const string PropertyName = "AllowRenegotiation";

    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.RenegotiationAllowed,
        title: "Client-initiated renegotiation allowed",
        messageFormat: "SslServerAuthenticationOptions.AllowRenegotiation is set to '{0}', "
            + "so clients can make the server renegotiate the TLS session",
        description: "A server that accepts client-initiated renegotiation lets one client repeat expensive handshakes "
            + "at will. Set SslServerAuthenticationOptions.AllowRenegotiation to false.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(
            GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        // The options type exists from .NET Core 2.1 and netstandard2.1 on. .NET Framework has none.
        var optionsType = context.Compilation.FindType(
            "System.Net.Security.SslServerAuthenticationOptions");
        var property = optionsType?.GetMembers(PropertyName).OfType<IPropertySymbol>().FirstOrDefault();
        if (property is null)
        {
            return;
        }

        Action<OperationSite> analyze = operationContext => AnalyzeAssignment(operationContext, property);
        var finder = new NamedOperationFinder(
            ImmutableArray.Create(PropertyName),
            (OperationKind.SimpleAssignment, analyze),
            (OperationKind.CompoundAssignment, analyze));
        context.RegisterSemanticModelAction(finder.AnalyzeFile);
    }

    // NOTE: a deconstruction, `(options.AllowRenegotiation, port) = (true, 443)`, is not followed.
    private static void AnalyzeAssignment(OperationSite context, IPropertySymbol property)
    {
        var assignment = (IAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation target
            || target.Property.Name != PropertyName
            || !SymbolEqualityComparer.Default.Equals(target.Property.OriginalDefinition, property))
        {
            return;
        }

        // `|= true` turns renegotiation on whatever the value was before.
        if (assignment is ICompoundAssignmentOperation { OperatorKind: not BinaryOperatorKind.Or }
            || assignment.Value.ConstantValue is not { HasValue: true, Value: true })
        {
            return;
        }

        var valueText = assignment.Value.Syntax.ToString();
        context.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Syntax.GetLocation(), valueText));
    }
}
