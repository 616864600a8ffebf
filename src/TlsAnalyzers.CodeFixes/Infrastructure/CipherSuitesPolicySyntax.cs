using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using TlsAnalyzers.Infrastructure;

namespace TlsAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// Builds the code that the cipher suite fixes insert: suite names of a hardened profile and a CipherSuitesPolicy
/// guarded so that it is never created on Windows. Names are fully qualified and annotated, so the code action's
/// clean-up adds the usings and shortens them.
/// </summary>
/// <remarks>
/// The code is written as text with explicit line breaks and indentation, because the Roslyn 4.8 formatter joins an
/// array initializer that is a method argument onto the line of <c>new[]</c>.
/// </remarks>
internal static class CipherSuitesPolicySyntax
{
    private const string SecurityNamespace = "global::System.Net.Security.";

    /// <summary>Returns <c>TlsCipherSuite.&lt;name&gt;</c>.</summary>
    public static ExpressionSyntax CreateSuite(string name) =>
        Annotate(SyntaxFactory.ParseExpression(SecurityNamespace + "TlsCipherSuite." + name));

    /// <summary>
    /// Returns the text of <c>OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(new[] { ... })</c> with the
    /// profile's suites one a line, for a statement or member whose line starts with <paramref name="layout"/>'s
    /// indentation. Frameworks before .NET 5 have no <c>OperatingSystem.IsWindows</c> and get
    /// <c>RuntimeInformation.IsOSPlatform(OSPlatform.Windows)</c>; the platform analyzer (CA1416) accepts both guards.
    /// </summary>
    public static string CreateGuardedPolicyText(Compilation compilation, string profile, CodeLayout layout)
    {
        var text = new StringBuilder()
            .Append(CreateWindowsCheck(compilation))
            .Append(" ? null : new ").Append(SecurityNamespace).Append("CipherSuitesPolicy(new[]")
            .Append(layout.NewLine).Append(layout.Indentation).Append('{');
        foreach (var suite in CipherSuiteProfile.GetSuites(profile))
        {
            text.Append(layout.NewLine).Append(layout.Indentation).Append(CodeLayout.IndentUnit)
                .Append(SecurityNamespace).Append("TlsCipherSuite.").Append(suite).Append(',');
        }

        return text.Append(layout.NewLine).Append(layout.Indentation).Append("})").ToString();
    }

    /// <summary>Parses code from this class's text and annotates it for the simplifier and import adder.</summary>
    public static ExpressionSyntax ParseExpression(string text) => Annotate(SyntaxFactory.ParseExpression(text));

    /// <inheritdoc cref="ParseExpression"/>
    public static StatementSyntax ParseStatement(string text) => Annotate(SyntaxFactory.ParseStatement(text));

    private static string CreateWindowsCheck(Compilation compilation)
    {
        var operatingSystem = compilation.GetTypeByMetadataName("System.OperatingSystem");
        return operatingSystem is not null && operatingSystem.GetMembers("IsWindows").Any()
            ? "global::System.OperatingSystem.IsWindows()"
            : "global::System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform("
                + "global::System.Runtime.InteropServices.OSPlatform.Windows)";
    }

    /// <summary>Marks inserted code for the simplifier and the import adder.</summary>
    public static TNode Annotate<TNode>(TNode node)
        where TNode : SyntaxNode =>
        node.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
}
