using Microsoft.CodeAnalysis;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Factory for the descriptors of TlsAnalyzers rules, so that every rule shares one category, one help-link
/// scheme and the same custom tags.
/// </summary>
internal static class RuleDescriptors
{
    public const string Category = "Security";

    private const string DocsBaseUri = "https://github.com/TlsAnalyzers/TlsAnalyzers/blob/main/docs/rules/";

    public static string GetHelpUri(string id) => DocsBaseUri + id + ".md";

    public static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string description,
        DiagnosticSeverity severity = DiagnosticSeverity.Warning,
        params string[] customTags)
    {
        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            Category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: GetHelpUri(id),
            customTags: [WellKnownDiagnosticTags.Telemetry, .. customTags]);
    }
}
