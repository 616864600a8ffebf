namespace TlsAnalyzers;

/// <summary>
/// Diagnostic IDs of every TlsAnalyzers rule. Users name these in .editorconfig files and suppressions,
/// so an ID never changes meaning and is never reused.
/// </summary>
public static class RuleIds
{
    /// <summary>An .editorconfig option of a TlsAnalyzers rule has a value the rule does not accept.</summary>
    public const string InvalidOption = "TLS000";

    public const string InsecureProtocolVersion = "TLS001";
    public const string CertificateValidationDisabled = "TLS002";
    public const string RevocationCheckDisabled = "TLS003";
    public const string MissingCipherSuitesPolicy = "TLS004";
    public const string WeakCipherSuite = "TLS005";
    public const string MissingHsts = "TLS006";
    public const string WeakHstsConfiguration = "TLS007";
    public const string RenegotiationAllowed = "TLS008";
    public const string EncryptionDisabled = "TLS009";
    public const string WeakeningRuntimeSwitch = "TLS010";
}
