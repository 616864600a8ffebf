using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TlsAnalyzers.Infrastructure;

namespace TlsAnalyzers.Rules;

/// <summary>
/// TLS009: reports <c>EncryptionPolicy.NoEncryption</c> and <c>EncryptionPolicy.AllowNoEncryption</c>, written as
/// the enum member or as a cast of its number. Both let the handshake settle on a NULL cipher suite, which
/// authenticates the peers and then sends every byte in clear text.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EncryptionDisabledAnalyzer : DiagnosticAnalyzer
{
    public const string EncryptionPolicyTypeName = "System.Net.Security.EncryptionPolicy";

    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.EncryptionDisabled,
        title: "Encryption disabled",
        messageFormat: "'EncryptionPolicy.{0}' allows NULL cipher suites, so the data can travel unencrypted",
        description: "EncryptionPolicy.NoEncryption and EncryptionPolicy.AllowNoEncryption let TLS run without "
            + "encryption. Use EncryptionPolicy.RequireEncryption, or leave the encryption policy at its default.");

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
        var policyType = context.Compilation.FindType(EncryptionPolicyTypeName);
        if (policyType is not { TypeKind: TypeKind.Enum })
        {
            return;
        }

        var weakFields = policyType.GetMembers()
            .OfType<IFieldSymbol>()
            .Where(field => field.Name is "NoEncryption" or "AllowNoEncryption" && field.HasConstantValue)
            .ToImmutableArray();
        if (weakFields.IsEmpty)
        {
            return;
        }

        var analysis = new PolicyAnalysis(policyType, weakFields);
        var finder = new FieldReferenceFinder(
            ImmutableArray.Create("NoEncryption"),
            name => name is "NoEncryption" or "AllowNoEncryption",
            analysis.AnalyzeFieldReference);
        context.RegisterSemanticModelAction(finder.AnalyzeFile);
        context.RegisterSyntaxNodeAction(
            nodeContext => WrittenCasts.ForEachConversion(nodeContext, analysis.AnalyzeConversion),
            SyntaxKind.CastExpression);
    }

    /// <summary>The EncryptionPolicy type and its weak members, resolved once per compilation.</summary>
    private sealed class PolicyAnalysis
    {
        private readonly INamedTypeSymbol policyType;
        private readonly ImmutableArray<IFieldSymbol> weakFields;

        public PolicyAnalysis(INamedTypeSymbol policyType, ImmutableArray<IFieldSymbol> weakFields)
        {
            this.policyType = policyType;
            this.weakFields = weakFields;
        }

        public void AnalyzeFieldReference(OperationSite context)
        {
            var reference = (IFieldReferenceOperation)context.Operation;
            if (!IsWeakField(reference.Field))
            {
                return;
            }

            Report(context.ReportDiagnostic, reference, reference.Field.Name);
        }

        // `(EncryptionPolicy)2` selects NoEncryption as surely as the member name does. In `(EncryptionPolicy?)2` the
        // compiler marks both conversions implicit, so a conversion written as a cast counts either way.
        public void AnalyzeConversion(IConversionOperation conversion, Action<Diagnostic> reportDiagnostic)
        {
            if (conversion.IsImplicit && !conversion.Syntax.IsKind(SyntaxKind.CastExpression)
                || !SymbolMatch.Is(conversion.Type, policyType)
                || SymbolMatch.Is(conversion.Operand.Type, policyType)
                || !conversion.ConstantValue.HasValue)
            {
                return;
            }

            var field = weakFields.FirstOrDefault(
                weak => Equals(weak.ConstantValue, conversion.ConstantValue.Value));
            if (field is not null && !ReadsWeakMember(conversion.Operand))
            {
                Report(reportDiagnostic, conversion, field.Name);
            }
        }

        // `(EncryptionPolicy)(int)EncryptionPolicy.NoEncryption` is reported once, on the member it names.
        private bool ReadsWeakMember(IOperation operand)
        {
            return operand.DescendantsAndSelf()
                .OfType<IFieldReferenceOperation>()
                .Any(reference => IsWeakField(reference.Field));
        }

        private bool IsWeakField(IFieldSymbol field)
        {
            if (field.Name is not ("NoEncryption" or "AllowNoEncryption"))
            {
                return false;
            }

            foreach (var weakField in weakFields)
            {
                if (SymbolMatch.Is(field, weakField))
                {
                    return true;
                }
            }

            return false;
        }

        private static void Report(Action<Diagnostic> reportDiagnostic, IOperation operation, string memberName)
        {
            if (ValueTestContext.IsTestedOrRemoved(operation))
            {
                return;
            }

            reportDiagnostic(Diagnostic.Create(Rule, operation.Syntax.GetLocation(), memberName));
        }
    }
}
