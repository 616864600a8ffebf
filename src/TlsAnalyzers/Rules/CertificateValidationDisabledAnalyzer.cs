using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TlsAnalyzers.Infrastructure;

namespace TlsAnalyzers.Rules;

/// <summary>
/// TLS002: a certificate-validation callback that accepts every certificate, HttpClientHandler's
/// DangerousAcceptAnyServerCertificateValidator, or Kestrel's AllowAnyClientCertificate() without certificate
/// authentication.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CertificateValidationDisabledAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property of a diagnostic that names its kind, so that the fixer can choose what to rewrite.</summary>
    public const string KindProperty = "Kind";

    /// <summary>A callback in source that accepts every certificate.</summary>
    public const string CallbackKind = "Callback";

    /// <summary>A use of HttpClientHandler.DangerousAcceptAnyServerCertificateValidator.</summary>
    public const string AcceptAnyValidatorKind = "AcceptAnyValidator";

    /// <summary>A call of Kestrel's AllowAnyClientCertificate().</summary>
    public const string AllowAnyClientCertificateKind = "AllowAnyClientCertificate";

    public const string SkipTestProjectsKey = "tls_analyzers.TLS002.skip_test_projects";

    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.CertificateValidationDisabled,
        title: "Certificate validation disabled",
        messageFormat: "{0} accepts every certificate, so a man in the middle can impersonate the other side",
        description: "A TLS connection that accepts any certificate can be intercepted by anyone on the network path. "
            + "Remove the callback to get the platform's validation, or return true only when the SslPolicyErrors "
            + "argument is SslPolicyErrors.None or the certificate matches a pinned key.");

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
        var analysis = CertificateValidationAnalysis.Create(context.Compilation, context.Options, context.CancellationToken);
        if (analysis is null)
        {
            return;
        }

        // One action per file finds the delegate creations, the holder reads and the named members (see
        // DelegateCreationSearch for why no operation action).
        context.RegisterSemanticModelAction(analysis.AnalyzeFile);
    }
}
