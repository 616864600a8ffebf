using Microsoft.CodeAnalysis;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Descriptor for an .editorconfig value that a rule cannot parse. Rules that read options list it among their
/// supported diagnostics and report it where they would have used the value, then carry on with the default.
/// </summary>
internal static class InvalidOptionDiagnostic
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.InvalidOption,
        title: "Invalid TlsAnalyzers option value",
        messageFormat: "The value '{1}' of the .editorconfig option '{0}' is invalid, so the default '{2}' is used",
        description: "A TlsAnalyzers .editorconfig option has a value that the rule does not accept. "
            + "Fix the value; the rule's documentation lists the accepted ones.");
}
