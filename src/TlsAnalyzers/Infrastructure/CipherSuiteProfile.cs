using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Hardened cipher suite lists that the TLS004 and TLS005 code fixes write, chosen with the .editorconfig key
/// <c>tls_analyzers.cipher_suite_profile</c>. The analyzers pass the chosen profile to the fixes in the
/// diagnostic's properties, because not every host gives a code fix the analyzer options.
/// </summary>
internal static class CipherSuiteProfile
{
    public const string OptionKey = AnalyzerOptionReader.KeyPrefix + "cipher_suite_profile";

    /// <summary>Key of the diagnostic property that contains the profile name.</summary>
    public const string PropertyKey = "CipherSuiteProfile";

    /// <summary>TLS 1.3 suites and TLS 1.2 ECDHE suites with AES-GCM or ChaCha20-Poly1305.</summary>
    public const string Intermediate = "intermediate";

    /// <summary>The three TLS 1.3 suites only; clients without TLS 1.3 cannot connect.</summary>
    public const string Modern = "modern";

    public const string Default = Intermediate;

    private static readonly ImmutableArray<string> Tls13Suites = ImmutableArray.Create(
        "TLS_AES_128_GCM_SHA256",
        "TLS_AES_256_GCM_SHA384",
        "TLS_CHACHA20_POLY1305_SHA256");

    private static readonly ImmutableArray<string> IntermediateSuites = Tls13Suites.AddRange(
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    /// <summary>Returns the <c>TlsCipherSuite</c> member names of a profile, or the default's for an unknown name.</summary>
    public static ImmutableArray<string> GetSuites(string? profile) =>
        string.Equals(profile, Modern, StringComparison.Ordinal) ? Tls13Suites : IntermediateSuites;

    /// <summary>
    /// Reads the profile that applies to <paramref name="tree"/>. An unknown value leaves the default in force and
    /// comes back in <paramref name="invalidValue"/> for a TLS000 report.
    /// </summary>
    public static string Read(AnalyzerOptions options, SyntaxTree tree, out string? invalidValue)
    {
        invalidValue = null;
        var raw = AnalyzerOptionReader.GetRawValue(options, tree, OptionKey);
        if (raw is null)
        {
            return Default;
        }

        if (string.Equals(raw, Intermediate, StringComparison.OrdinalIgnoreCase))
        {
            return Intermediate;
        }

        if (string.Equals(raw, Modern, StringComparison.OrdinalIgnoreCase))
        {
            return Modern;
        }

        invalidValue = raw;
        return Default;
    }

    /// <summary>
    /// Creates the diagnostic properties that carry the profile, and the TLS000 diagnostic to report beside
    /// <paramref name="location"/>'s diagnostic when the option value is invalid.
    /// </summary>
    public static ImmutableDictionary<string, string?> CreateProperties(
        AnalyzerOptions options, Location location, out Diagnostic? invalidOption)
    {
        var profile = Read(options, location.SourceTree!, out var invalidValue);
        invalidOption = invalidValue is null
            ? null
            : Diagnostic.Create(InvalidOptionDiagnostic.Rule, location, OptionKey, invalidValue, Default);
        return ImmutableDictionary<string, string?>.Empty.Add(PropertyKey, profile);
    }
}
