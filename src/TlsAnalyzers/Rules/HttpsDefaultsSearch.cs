using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TlsAnalyzers.Infrastructure;

namespace TlsAnalyzers.Rules;

/// <summary>
/// Searches a compilation for a Kestrel <c>ConfigureHttpsDefaults</c> call whose <c>OnAuthenticate</c> callback sets
/// <c>CipherSuitesPolicy</c>, which covers every <c>UseHttps</c> endpoint.
/// </summary>
/// <remarks>
/// The search matches syntax by name, because an operation action has only its own file's semantic model. A
/// ConfigureHttpsDefaults that passes a method group counts as setting the policy, since the rule cannot see into it.
/// </remarks>
internal static class HttpsDefaultsSearch
{
    public static bool SetsCipherSuitesPolicy(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!MayNameHttpsDefaults(tree, cancellationToken))
            {
                continue;
            }

            var root = tree.GetRoot(cancellationToken);
            if (root.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(IsHardenedHttpsDefaults))
            {
                return true;
            }
        }

        return false;
    }

    // Searching the text is much cheaper than walking every node, and most files never name the method. A Unicode
    // escape or a formatting character can hide the name, so a file with one is walked anyway.
    private static bool MayNameHttpsDefaults(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken).ToString();
        return NameSearch.Contains(tree, text, "ConfigureHttpsDefaults") || NameSearch.MayHideNames(tree, text);
    }

    private static bool IsHardenedHttpsDefaults(InvocationExpressionSyntax invocation)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureHttpsDefaults" }
            || invocation.ArgumentList.Arguments.Count != 1)
        {
            return false;
        }

        var argument = invocation.ArgumentList.Arguments[0].Expression;
        if (argument is not AnonymousFunctionExpressionSyntax)
        {
            return true;
        }

        return argument.DescendantNodes()
            .OfType<AssignmentExpressionSyntax>()
            .Where(assignment => IsMember(assignment.Left, "OnAuthenticate"))
            .Any(assignment => assignment.Right is not AnonymousFunctionExpressionSyntax callback
                || callback.DescendantNodes().OfType<AssignmentExpressionSyntax>()
                    .Any(inner => IsMember(inner.Left, "CipherSuitesPolicy")));
    }

    private static bool IsMember(ExpressionSyntax expression, string name) =>
        expression is MemberAccessExpressionSyntax member && member.Name.Identifier.ValueText == name;
}
