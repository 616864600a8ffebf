using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Runs a rule's field reference callback only where a file names one of the enum members the rule judges, such as
/// <c>TlsCipherSuite.TLS_RSA_WITH_RC4_128_SHA</c> or <c>EncryptionPolicy.NoEncryption</c>.
/// </summary>
/// <remarks>
/// An operation action for <see cref="OperationKind.FieldReference"/> is called for every field that the code reads or
/// writes, and the rules that use this finder care about a handful of enum members. A member's name is written out
/// wherever code uses it, including after <c>using static</c>. In a file that may hide a name behind a Unicode escape
/// or a formatting character, every name is checked instead (see <see cref="NameSearch.MayHideNames"/>).
/// </remarks>
internal sealed class FieldReferenceFinder
{
    private readonly ImmutableArray<string> searchTexts;
    private readonly Func<string, bool> isMemberName;
    private readonly Action<OperationSite> action;
    private readonly bool wholeNames;

    /// <param name="searchTexts">
    /// Text that every wanted member name contains, such as "NoEncryption" for NoEncryption and AllowNoEncryption.
    /// </param>
    /// <param name="isMemberName">Tells whether an identifier, as the compiler reads it, names a wanted member.</param>
    /// <param name="action">The callback, as it would be registered for <see cref="OperationKind.FieldReference"/>.</param>
    /// <param name="wholeNames">
    /// True when the search texts are the member names themselves, so that a match inside a longer identifier, such
    /// as Default in FirstOrDefault, is skipped at once.
    /// </param>
    public FieldReferenceFinder(
        ImmutableArray<string> searchTexts, Func<string, bool> isMemberName, Action<OperationSite> action, bool wholeNames = false)
    {
        this.searchTexts = searchTexts;
        this.isMemberName = isMemberName;
        this.action = action;
        this.wholeNames = wholeNames;
    }

    /// <summary>Runs the callback on the wanted field references of one file. Register it as a semantic model action.</summary>
    public void AnalyzeFile(SemanticModelAnalysisContext context)
    {
        var tree = context.SemanticModel.SyntaxTree;
        var searchSpan = NameSearch.WidenToStatements(tree, context.FilterSpan, context.CancellationToken);
        foreach (var token in NameSearch.FindIdentifiers(tree, searchSpan, searchTexts, context.CancellationToken, wholeNames))
        {
            if (token.Parent is IdentifierNameSyntax name)
            {
                AnalyzeName(context, name);
            }
        }
    }

    // In `EncryptionPolicy.NoEncryption` the field reference is the operation of the whole member access. After using
    // static, `NoEncryption` alone is the field reference.
    private void AnalyzeName(SemanticModelAnalysisContext context, IdentifierNameSyntax name)
    {
        if (!isMemberName(name.Identifier.ValueText))
        {
            return;
        }

        SyntaxNode node = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        if (context.FilterSpan is { } span && !node.Span.IntersectsWith(span))
        {
            return;
        }

        if (context.SemanticModel.GetOperation(node, context.CancellationToken) is IFieldReferenceOperation reference)
        {
            action(new OperationSite(reference, context.Options, context.ReportDiagnostic, context.CancellationToken));
        }
    }
}
