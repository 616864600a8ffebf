using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TlsAnalyzers.Infrastructure;

namespace TlsAnalyzers.Rules;

/// <summary>
/// TLS004: a TLS server (SslStream options or a Kestrel HTTPS endpoint) that never sets a CipherSuitesPolicy, so it
/// offers whatever the operating system enables, RSA key exchange and CBC suites included.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingCipherSuitesPolicyAnalyzer : DiagnosticAnalyzer
{
    private const string Title = "TLS server options without a CipherSuitesPolicy";

    private const string MessageFormat =
        "'{0}' configures a TLS server without a CipherSuitesPolicy, so the operating system's default cipher suites "
        + "apply, including suites without forward secrecy";

    private const string Description =
        "Set CipherSuitesPolicy to suites with forward secrecy and AEAD ciphers (ECDHE with AES-GCM or "
        + "ChaCha20-Poly1305, and the TLS 1.3 suites). CipherSuitesPolicy throws PlatformNotSupportedException on "
        + "Windows, so guard it with OperatingSystem.IsWindows(); Windows servers set the cipher order in the OS.";

    public static readonly DiagnosticDescriptor Rule =
        RuleDescriptors.Create(RuleIds.MissingCipherSuitesPolicy, Title, MessageFormat, Description);

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
        if (IsWindowsOnlyProject(context.Options))
        {
            return;
        }

        var analysis = MissingCipherSuitesPolicyAnalysis.Create(context.Compilation);
        if (analysis is null)
        {
            return;
        }

        context.RegisterSemanticModelAction(analysis.AnalyzeCreations);
        if (analysis.HasKestrel)
        {
            // The Kestrel calls are UseHttps and ConfigureHttpsDefaults, and one search for "Https" finds both. It
            // also finds UseHttpsRedirection and others, which the callback rejects by name.
            var finder = new NamedOperationFinder(
                ImmutableArray.Create("Https"),
                (OperationKind.Invocation, analysis.AnalyzeInvocation));
            context.RegisterSemanticModelAction(finder.AnalyzeFile);
        }
    }

    // CipherSuitesPolicy throws PlatformNotSupportedException on Windows (SChannel takes the suite order from the OS),
    // so a project built only for Windows has no way to follow this rule.
    private static bool IsWindowsOnlyProject(AnalyzerOptions options)
    {
        var platform = AnalyzerOptionReader.GetMSBuildProperty(options, "TargetPlatformIdentifier");
        if (string.Equals(platform, "windows", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var runtimeIdentifier = AnalyzerOptionReader.GetMSBuildProperty(options, "RuntimeIdentifier");
        return runtimeIdentifier is not null && runtimeIdentifier.StartsWith("win", StringComparison.OrdinalIgnoreCase);
    }
}
