using System.Collections.Immutable;
using System.Linq;
using System.Threading;
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
    /// <summary>Key of the diagnostic property that says whether the list keeps a strong suite once the weak go.</summary>
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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var policyType = context.Compilation.GetTypeByMetadataName("System.Net.Security.CipherSuitesPolicy");
        var suiteType = context.Compilation.GetTypeByMetadataName("System.Net.Security.TlsCipherSuite");
        if (policyType is null || suiteType is null)
        {
            return;
        }

        var analysis = new PolicyListAnalysis(policyType, suiteType);
        context.RegisterOperationAction(analysis.AnalyzeObjectCreation, OperationKind.ObjectCreation);
    }

    private sealed class PolicyListAnalysis
    {
        private readonly INamedTypeSymbol _policyType;
        private readonly INamedTypeSymbol _suiteType;

        public PolicyListAnalysis(INamedTypeSymbol policyType, INamedTypeSymbol suiteType)
        {
            _policyType = policyType;
            _suiteType = suiteType;
        }

        public void AnalyzeObjectCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (!SymbolEqualityComparer.Default.Equals(creation.Type, _policyType)
                || creation.Arguments.Length != 1
                || creation.Arguments[0].Value.Syntax is not ExpressionSyntax argument
                || creation.SemanticModel is not { } model
                || !IsFirstPolicyForList(creation, argument, model, context.CancellationToken))
            {
                return;
            }

            var suites = CipherSuiteListFinder.FindElements(argument, model, context.CancellationToken)
                .Select(element => (Element: element,
                    Suite: CipherSuiteListFinder.GetSuite(element, model, _suiteType, context.CancellationToken)))
                .Where(entry => entry.Suite is not null)
                .Select(entry => (entry.Element, Name: entry.Suite!.Name, Weakness: CipherSuiteClassifier.GetWeakness(entry.Suite.Name)))
                .ToList();
            var hasStrong = suites.Any(entry => entry.Weakness is null) ? "true" : "false";
            foreach (var (element, name, weakness) in suites.Where(entry => entry.Weakness is not null))
            {
                Report(context, element.GetLocation(), name, weakness!, hasStrong);
            }
        }

        // A list in a field or local can feed several policies in one file. Only the first policy reports its weak
        // elements, so each is reported once without state shared between actions.
        private bool IsFirstPolicyForList(
            IObjectCreationOperation creation, ExpressionSyntax argument, SemanticModel model, CancellationToken cancellationToken)
        {
            if (argument is not IdentifierNameSyntax identifier
                || model.GetSymbolInfo(identifier, cancellationToken).Symbol is not { Kind: SymbolKind.Local or SymbolKind.Field } list)
            {
                return true;
            }

            var root = model.SyntaxTree.GetRoot(cancellationToken);
            var first = root.DescendantNodes()
                .OfType<BaseObjectCreationExpressionSyntax>()
                .Where(other => other.ArgumentList?.Arguments.Count == 1
                    && other.ArgumentList.Arguments[0].Expression is IdentifierNameSyntax name
                    && name.Identifier.ValueText == identifier.Identifier.ValueText
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, list)
                    && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(other, cancellationToken).Type, _policyType))
                .FirstOrDefault();
            return first is null || first == creation.Syntax;
        }

        private static void Report(
            OperationAnalysisContext context, Location location, string name, string weakness, string hasStrong)
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
