using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TlsAnalyzers.Infrastructure;

namespace TlsAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// Replaces the elements of a cipher suite list with a profile's suites and keeps the list's layout: the first
/// element's indentation, the separators' line breaks and a trailing comma.
/// </summary>
internal static class SuiteListRewriter
{
    public static SyntaxNode Replace(SyntaxNode list, string profile) => list switch
    {
        InitializerExpressionSyntax initializer => initializer.WithExpressions(
            Rewrite(initializer.Expressions, initializer.OpenBraceToken, profile, suite => suite)),
        CollectionExpressionSyntax collection => collection.WithElements(
            Rewrite<CollectionElementSyntax>(
                collection.Elements, collection.OpenBracketToken, profile, suite => SyntaxFactory.ExpressionElement(suite))),
        _ => list,
    };

    /// <summary>Removes <paramref name="removed"/> elements from a list and keeps the layout of the rest.</summary>
    public static SyntaxNode Remove(SyntaxNode list, ISet<SyntaxNode> removed) => list switch
    {
        InitializerExpressionSyntax initializer => initializer.WithExpressions(Remove(initializer.Expressions, removed)),
        CollectionExpressionSyntax collection => collection.WithElements(Remove(collection.Elements, removed)),
        _ => list,
    };

    // Each kept element keeps the separator after it. When the old last element goes and no trailing comma follows
    // it, the new last element takes over its trailing trivia (the space or line break before the closing brace).
    private static SeparatedSyntaxList<TElement> Remove<TElement>(
        SeparatedSyntaxList<TElement> original, ISet<SyntaxNode> removed)
        where TElement : SyntaxNode
    {
        var kept = new List<SyntaxNodeOrToken>();
        for (var index = 0; index < original.Count; index++)
        {
            if (removed.Contains(original[index]))
            {
                continue;
            }

            kept.Add(original[index]);
            if (index < original.SeparatorCount)
            {
                kept.Add(original.GetSeparator(index));
            }
        }

        var hasTrailingComma = original.SeparatorCount == original.Count;
        if (kept.Count > 0 && kept[kept.Count - 1].IsToken && !hasTrailingComma)
        {
            kept.RemoveAt(kept.Count - 1);
            var last = kept[kept.Count - 1].AsNode()!;
            kept[kept.Count - 1] = last.WithTrailingTrivia(original[original.Count - 1].GetTrailingTrivia());
        }

        return SyntaxFactory.SeparatedList<TElement>(kept);
    }

    private static SeparatedSyntaxList<TElement> Rewrite<TElement>(
        SeparatedSyntaxList<TElement> original, SyntaxToken open, string profile, Func<ExpressionSyntax, TElement> wrap)
        where TElement : SyntaxNode
    {
        var leading = original.Count > 0 ? original[0].GetLeadingTrivia() : default;
        var lastTrailing = original.Count > 0 ? original[original.Count - 1].GetTrailingTrivia() : default;
        var separatorTrailing = original.SeparatorCount > 0
            ? original.GetSeparator(0).TrailingTrivia
            : open.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia)
                ? open.TrailingTrivia
                : SyntaxFactory.TriviaList(SyntaxFactory.Space);
        var hasTrailingComma = original.Count > 0 && original.SeparatorCount == original.Count;

        var suites = CipherSuiteProfile.GetSuites(profile)
            .Select(name => wrap(CipherSuitesPolicySyntax.CreateSuite(name)).WithLeadingTrivia(leading))
            .ToList();
        suites[suites.Count - 1] = suites[suites.Count - 1].WithTrailingTrivia(lastTrailing);
        var separatorCount = hasTrailingComma ? suites.Count : suites.Count - 1;
        var separators = Enumerable.Range(0, separatorCount).Select(index => index == suites.Count - 1
            ? original.GetSeparator(original.Count - 1)
            : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(separatorTrailing));
        return SyntaxFactory.SeparatedList(suites, separators);
    }
}
