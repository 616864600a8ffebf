using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Text search for member names in a file, for rules that look only where a file names what they check.
/// </summary>
internal static class NameSearch
{
    // Several rules check the same file, and a syntax tree's text never changes, so the result is kept per tree.
    private static readonly ConditionalWeakTable<SyntaxTree, object> HiddenNameResults = new();
    private static readonly object Yes = new();
    private static readonly object No = new();

    /// <summary>
    /// Returns the identifier tokens of <paramref name="root"/> whose text contains <paramref name="name"/>, found
    /// by searching <paramref name="text"/>. A match in a comment, a string or inactive code is skipped, because no
    /// identifier token contains it.
    /// </summary>
    public static IEnumerable<SyntaxToken> FindIdentifiers(SyntaxNode root, string text, string name)
    {
        foreach (var token in FindTokens(root, text, name, StringComparison.Ordinal))
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                yield return token;
            }
        }
    }

    /// <summary>
    /// Returns the identifier tokens of <paramref name="tree"/> inside <paramref name="filterSpan"/> (the whole file
    /// when null) whose text contains one of <paramref name="names"/>, each token once. In a file that may hide a name
    /// (see <see cref="MayHideNames"/>) it returns every identifier token in the span, so the caller has to test the
    /// token's <see cref="SyntaxToken.ValueText"/> itself.
    /// </summary>
    public static IEnumerable<SyntaxToken> FindIdentifiers(
        SyntaxTree tree, TextSpan? filterSpan, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        var text = tree.GetText(cancellationToken).ToString();
        var span = filterSpan ?? root.FullSpan;
        if (MayHideNames(tree, text))
        {
            foreach (var token in root.DescendantTokens(span))
            {
                if (token.IsKind(SyntaxKind.IdentifierToken))
                {
                    yield return token;
                }
            }

            yield break;
        }

        // Two names can find the same token when both occur in it.
        var found = new HashSet<int>();
        foreach (var name in names)
        {
            foreach (var token in FindIdentifiers(root, text, name))
            {
                if (span.IntersectsWith(token.Span) && found.Add(token.SpanStart))
                {
                    yield return token;
                }
            }
        }
    }

    /// <summary>
    /// Returns the string literal tokens of <paramref name="root"/> whose text contains <paramref name="value"/> in
    /// any letter case, such as a header name written <c>"strict-transport-security"</c>.
    /// </summary>
    public static IEnumerable<SyntaxToken> FindStringLiterals(SyntaxNode root, string text, string value)
    {
        foreach (var token in FindTokens(root, text, value, StringComparison.OrdinalIgnoreCase))
        {
            if (token.Kind() is SyntaxKind.StringLiteralToken
                or SyntaxKind.InterpolatedStringTextToken
                or SyntaxKind.SingleLineRawStringLiteralToken
                or SyntaxKind.MultiLineRawStringLiteralToken
                or SyntaxKind.Utf8StringLiteralToken)
            {
                yield return token;
            }
        }
    }

    // Returns the token that contains each match. A match in trivia (a comment, inactive code) gives the token after
    // it, which the span test rejects.
    private static IEnumerable<SyntaxToken> FindTokens(SyntaxNode root, string text, string value, StringComparison comparison)
    {
        // An empty value matches at every position and would never let the loop move on.
        if (value.Length == 0)
        {
            yield break;
        }

        for (var index = text.IndexOf(value, comparison);
            index >= 0;
            index = text.IndexOf(value, index + value.Length, comparison))
        {
            var token = root.FindToken(index);
            if (token.Span.Contains(index))
            {
                yield return token;
            }
        }
    }

    /// <summary>
    /// Returns true when <paramref name="text"/>, the text of <paramref name="tree"/>, contains a Unicode escape
    /// (<c>\u0053</c>, <c>\U00000053</c>) or a formatting character such as a soft hyphen or a zero-width space. The
    /// compiler decodes the first and drops the second from identifiers, so <c>Set\u0053witch</c> and
    /// <c>Set&#xAD;Switch</c> both name SetSwitch, and <see cref="FindIdentifiers"/> misses them.
    /// </summary>
    public static bool MayHideNames(SyntaxTree tree, string text)
    {
        if (!HiddenNameResults.TryGetValue(tree, out var result))
        {
            // Two rules may compute the result at once, and both then get the stored one.
            result = HiddenNameResults.GetValue(
                tree, _ => ContainsUnicodeEscape(text) || ContainsFormattingCharacter(text) ? Yes : No);
        }

        return result == Yes;
    }

    // An escaped backslash followed by a u, as in "C:\\users", also counts. That only makes the caller look at more.
    private static bool ContainsUnicodeEscape(string text)
    {
        for (var index = text.IndexOf('\\'); index >= 0; index = text.IndexOf('\\', index + 1))
        {
            if (index + 1 < text.Length && text[index + 1] is 'u' or 'U')
            {
                return true;
            }
        }

        return false;
    }

    // Every formatting character lies outside ASCII. A file is all ASCII, as most source files are, exactly when its
    // UTF-8 form takes one byte per character, and .NET counts those bytes fast.
    private static bool ContainsFormattingCharacter(string text)
    {
        if (Encoding.UTF8.GetByteCount(text) == text.Length)
        {
            return false;
        }

        foreach (var character in text)
        {
            if (character > '\u007F' && CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.Format)
            {
                return true;
            }
        }

        return false;
    }
}
