using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TlsAnalyzers.Infrastructure;

namespace TlsAnalyzers.Rules;

/// <summary>
/// TLS005: a suite without forward secrecy or with a legacy cipher or MAC in the list given to
/// <c>new CipherSuitesPolicy(...)</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WeakCipherSuiteAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Key of the diagnostic property that records whether the list keeps a strong suite once the weak go.</summary>
    public const string HasStrongSuitesKey = "HasStrongSuites";

    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.WeakCipherSuite,
        title: "Weak cipher suite in a CipherSuitesPolicy",
        messageFormat: "Cipher suite '{0}' is weak: {1}",
        description: "Offer only suites with forward secrecy and AEAD ciphers: the TLS 1.3 suites and ECDHE or DHE "
            + "with AES-GCM, AES-CCM or ChaCha20-Poly1305. RSA key exchange lets a stolen server key decrypt recorded "
            + "traffic, and CBC, RC4, 3DES, NULL, EXPORT and anonymous suites are broken or weak.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rule, InvalidOptionDiagnostic.Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(
            GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var policyType = context.Compilation.FindType("System.Net.Security.CipherSuitesPolicy");
        var suiteType = context.Compilation.FindType("System.Net.Security.TlsCipherSuite");
        if (policyType is null || suiteType is null)
        {
            return;
        }

        // Each suite is analyzed where it is written, so the diagnostic belongs to the member that contains it and
        // the IDE can offer the fix there. The list around it is then found through syntax, because Roslyn 4.8 has
        // no operation for collection expressions.
        // Every TlsCipherSuite member is named TLS_..., so one text search finds the suites a file names.
        var analysis = new SuiteAnalysis(policyType, suiteType);
        var finder = new FieldReferenceFinder(
            ImmutableArray.Create("TLS_"), IsWeakSuiteName, analysis.AnalyzeFieldReference);
        context.RegisterSemanticModelAction(finder.AnalyzeFile);
    }

    private static bool IsWeakSuiteName(string name) =>
        name.StartsWith("TLS_", StringComparison.Ordinal) && CipherSuiteClassifier.GetWeakness(name) is not null;

    private sealed class SuiteAnalysis
    {
        private readonly INamedTypeSymbol _policyType;
        private readonly INamedTypeSymbol _suiteType;

        public SuiteAnalysis(INamedTypeSymbol policyType, INamedTypeSymbol suiteType)
        {
            _policyType = policyType;
            _suiteType = suiteType;
        }

        public void AnalyzeFieldReference(OperationSite context)
        {
            var reference = (IFieldReferenceOperation)context.Operation;
            if (!reference.Field.IsConst
                || !SymbolMatch.Is(reference.Field.ContainingType, _suiteType)
                || reference.Syntax is not ExpressionSyntax element
                || reference.SemanticModel is not { } model
                || CipherSuiteClassifier.GetWeakness(reference.Field.Name) is not { } weakness)
            {
                return;
            }

            var policyArgument = CipherSuiteListFinder.FindPolicyArgument(
                element, model, _policyType, context.CancellationToken);
            if (policyArgument is null)
            {
                return;
            }

            var hasStrong = CipherSuiteListFinder.FindElements(policyArgument, model, context.CancellationToken)
                .Select(other => CipherSuiteListFinder.GetSuite(other, model, _suiteType, context.CancellationToken))
                .Any(other => other is not null && CipherSuiteClassifier.GetWeakness(other.Name) is null);
            Report(context, element.GetLocation(), reference.Field.Name, weakness, hasStrong ? "true" : "false");
        }

        private static void Report(
            OperationSite context, Location location, string name, string weakness, string hasStrong)
        {
            var properties = CipherSuiteProfile.CreateProperties(context.Options, location, out var invalidOption)
                .Add(HasStrongSuitesKey, hasStrong);
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, properties, name, weakness));
            if (invalidOption is not null)
            {
                context.ReportDiagnostic(invalidOption);
            }
        }
    }
}
