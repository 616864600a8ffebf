using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Text search for member names in a file, for rules that look only where a file names what they check.
/// </summary>
/// <remarks>
/// One search of a whole file for one name took about 1.3 µs per file of 11,000 characters on the benchmark's corpus,
/// and the rules search for about fifteen names. Several rules check the same file, and a syntax tree's text never changes,
/// so each search is done once per tree and kept for all of them. A name that contains one of
/// <see cref="SharedParts"/>, such as ConfigureHttpsDefaults or RemoteCertificateValidationCallback, is not searched
/// on its own: the places of the part are searched once, and the name is compared there.
/// </remarks>
internal static class NameSearch
{
    private static readonly ConditionalWeakTable<SyntaxTree, TreeSearches> Searches = new();
    private static readonly ConditionalWeakTable<SyntaxTree, TreeSearches>.CreateValueCallback CreateSearches =
        _ => new TreeSearches();

    // Parts that several rules' names contain. Each is rare in code that does not deal with TLS.
    private static readonly string[] SharedParts = ["Certificate", "Https", "Hsts", "Ssl", "Tls"];

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
    /// when null) whose text contains one of <paramref name="names"/>, each token once; with
    /// <paramref name="wholeNames"/>, only tokens whose text is one of them. In a file that may hide a name (see
    /// <see cref="MayHideNames"/>) it returns every identifier token in the span, so the caller has to test the
    /// token's <see cref="SyntaxToken.ValueText"/> itself.
    /// </summary>
    public static IEnumerable<SyntaxToken> FindIdentifiers(
        SyntaxTree tree,
        TextSpan? filterSpan,
        IEnumerable<string> names,
        CancellationToken cancellationToken,
        bool wholeNames = false)
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
            foreach (var index in FindPositions(tree, text, name, StringComparison.Ordinal))
            {
                // A name such as Default is part of many longer identifiers (FirstOrDefault), which the characters
                // around it show without a look at the tree.
                if (wholeNames && (IsIdentifierCharacter(text, index - 1) || IsIdentifierCharacter(text, index + name.Length)))
                {
                    continue;
                }

                var token = root.FindToken(index);
                if (token.Span.Contains(index)
                    && token.IsKind(SyntaxKind.IdentifierToken)
                    && span.IntersectsWith(token.Span)
                    && found.Add(token.SpanStart))
                {
                    yield return token;
                }
            }
        }
    }

    /// <summary>
    /// Returns <paramref name="filterSpan"/> widened to the statements or member declarations at its two ends, or null
    /// for the whole file. A finder searches the widened span and then keeps the operations that touch the original
    /// one: in <c>SslProtocols</c> and <c>.Tls</c> on two lines, a span over the first line contains no <c>Tls</c> token,
    /// but the member access that the rule reports touches it.
    /// </summary>
    public static TextSpan? WidenToStatements(SyntaxTree tree, TextSpan? filterSpan, CancellationToken cancellationToken)
    {
        if (filterSpan is not { } span)
        {
            return null;
        }

        var root = tree.GetRoot(cancellationToken);
        var start = EnclosingStatement(root.FindToken(span.Start)).Span.Start;
        var end = EnclosingStatement(root.FindToken(Math.Max(span.Start, span.End - 1))).Span.End;
        return TextSpan.FromBounds(Math.Min(start, span.Start), Math.Max(end, span.End));
    }

    private static SyntaxNode EnclosingStatement(SyntaxToken token)
    {
        var node = token.Parent;
        while (node?.Parent is not null && node is not StatementSyntax and not MemberDeclarationSyntax)
        {
            node = node.Parent;
        }

        return node ?? token.SyntaxTree!.GetRoot();
    }

    // Letters, digits and underscores always belong to an identifier. Other characters that may (combining marks,
    // connectors) count as a boundary, which only lets the caller look at a few tokens more.
    private static bool IsIdentifierCharacter(string text, int index) =>
        index >= 0 && index < text.Length && (char.IsLetterOrDigit(text[index]) || text[index] == '_');

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

    /// <summary>
    /// Returns the tokens of kind <paramref name="kind"/> in <paramref name="tree"/> inside
    /// <paramref name="filterSpan"/> (the whole file when null) whose text is <paramref name="value"/>, such as the
    /// <c>~</c> of a complement or the <c>delegate</c> of an anonymous method. A Unicode escape cannot spell
    /// punctuation, so a search for it needs no full walk of any file. A keyword may hide behind one, so a caller that
    /// looks for a keyword walks the files where <see cref="MayHideNames"/> is true itself.
    /// </summary>
    public static IEnumerable<SyntaxToken> FindTokensOfKind(
        SyntaxTree tree, TextSpan? filterSpan, string value, SyntaxKind kind, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        var text = tree.GetText(cancellationToken).ToString();
        var span = filterSpan ?? root.FullSpan;
        foreach (var token in FindTokens(root, text, value, StringComparison.Ordinal))
        {
            if (token.IsKind(kind) && span.IntersectsWith(token.Span))
            {
                yield return token;
            }
        }
    }

    /// <summary>
    /// Returns the target-typed object creations (<c>new()</c>, <c>new(x) { ... }</c>) of <paramref name="tree"/>
    /// inside <paramref name="filterSpan"/> (the whole file when null). Only a <c>new</c> that the text shows to be
    /// followed by a parenthesis, or by a comment or directive that may hide one, and that
    /// <paramref name="mayMatch"/> accepts by the text and the position of the <c>new</c>, is looked up in the tree.
    /// </summary>
    public static IEnumerable<ImplicitObjectCreationExpressionSyntax> FindTargetTypedCreations(
        SyntaxTree tree, TextSpan? filterSpan, Func<string, int, bool> mayMatch, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        var text = tree.GetText(cancellationToken).ToString();
        var span = filterSpan ?? root.FullSpan;
        if (MayHideNames(tree, text))
        {
            foreach (var node in root.DescendantNodes(span))
            {
                if (node is ImplicitObjectCreationExpressionSyntax creation)
                {
                    yield return creation;
                }
            }

            yield break;
        }

        foreach (var index in FindPositions(tree, text, "new", StringComparison.Ordinal))
        {
            if (IsIdentifierCharacter(text, index - 1) || !IsFollowedBy(text, index + 3, '(') || !mayMatch(text, index))
            {
                continue;
            }

            var token = root.FindToken(index);
            if (token.SpanStart == index
                && token.IsKind(SyntaxKind.NewKeyword)
                && token.Parent is ImplicitObjectCreationExpressionSyntax creation
                && span.IntersectsWith(creation.Span))
            {
                yield return creation;
            }
        }
    }

    /// <summary>
    /// Returns true when the text shows that the <c>new</c> at <paramref name="newIndex"/> has an empty argument list:
    /// <c>new()</c>, with white space allowed.
    /// </summary>
    public static bool HasEmptyArguments(string text, int newIndex)
    {
        var open = SkipWhiteSpace(text, newIndex + 3);
        if (open >= text.Length || text[open] != '(')
        {
            return false;
        }

        var close = SkipWhiteSpace(text, open + 1);
        return close < text.Length && text[close] == ')';
    }

    /// <summary>
    /// Returns where the type starts when the text before the <c>new</c> at <paramref name="newIndex"/> reads as the
    /// initializer of a declaration with a generic type, as in <c>Dictionary&lt;string, int&gt; counts = new()</c>;
    /// otherwise -1. Anything unclear, such as a line break between the type and the name or a type longer than the
    /// scan limit, gives -1.
    /// </summary>
    public static int FindGenericDeclarationStart(string text, int newIndex)
    {
        var limit = Math.Max(0, newIndex - ScanLimit);
        var index = SkipWhiteSpaceBackward(text, newIndex - 1, limit);
        if (index < limit + 1
            || text[index] != '='
            || text[index - 1] is '=' or '!' or '<' or '>' or '+' or '-' or '*' or '/' or '%' or '&' or '|' or '^' or '?')
        {
            return -1;
        }

        index = SkipWhiteSpaceBackward(text, index - 1, limit);
        var nameEnd = index;
        while (index >= limit && IsIdentifierCharacter(text, index))
        {
            index--;
        }

        if (index == nameEnd)
        {
            return -1;
        }

        // The `>` of `=>` or `->` ends no type: `void Reset() => items = new();` assigns a field. A `>` on an earlier
        // line may end a comment.
        var afterType = index;
        index = SkipWhiteSpaceBackward(text, index, limit);
        if (index < limit + 1 || text[index] != '>' || text[index - 1] is '=' or '-' || ContainsLineBreak(text, index, afterType))
        {
            return -1;
        }

        // The `<` that opens the type arguments, then the name of the type.
        var depth = 0;
        for (; index >= limit; index--)
        {
            var character = text[index];
            if (character == '>')
            {
                depth++;
            }
            else if (character == '<' && --depth == 0)
            {
                break;
            }
            else if (character is ';' or '{' or '}' or '(' or ')' or '=' or '/' or '"' or '#')
            {
                return -1;
            }
        }

        index--;
        var typeEnd = index;
        while (index >= limit && IsIdentifierCharacter(text, index))
        {
            index--;
        }

        return index >= limit && index < typeEnd ? index + 1 : -1;
    }

    // Text scans near a match look back at most this far, so a file on one line costs no more than one with many.
    private const int ScanLimit = 1024;

    /// <summary>
    /// Returns true for the characters that can be part of a name. Every character outside ASCII counts, so that
    /// combining marks and other rare name characters never end a name in a text scan.
    /// </summary>
    public static bool IsNameCharacter(char character) =>
        char.IsLetterOrDigit(character) || character is '_' or '@' || character > '\u007F';

    /// <summary>
    /// Returns true for the characters that end a line in C#: line feed, carriage return, next line (U+0085), line
    /// separator (U+2028) and paragraph separator (U+2029).
    /// </summary>
    public static bool IsLineBreak(char character) =>
        character is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>
    /// Returns true when the line that ends at <paramref name="lastCode"/> may hide code from a text scan that reads
    /// it backward: it contains a line comment, a directive or the end of a block comment, or it is too long to check.
    /// </summary>
    public static bool LineMayHideCode(string text, int lastCode)
    {
        var limit = lastCode - ScanLimit;
        var start = lastCode;
        while (start >= 0 && !IsLineBreak(text[start]))
        {
            if (start < limit)
            {
                return true;
            }

            start--;
        }

        start++;
        var length = lastCode - start + 1;
        return length > 0
            && (text.IndexOf("//", start, length, StringComparison.Ordinal) >= 0
                || text.IndexOf('#', start, length) >= 0
                || text.IndexOf("*/", start, length, StringComparison.Ordinal) >= 0);
    }

    private static bool ContainsLineBreak(string text, int start, int end)
    {
        for (var index = start; index <= end && index < text.Length; index++)
        {
            if (IsLineBreak(text[index]))
            {
                return true;
            }
        }

        return false;
    }

    private static int SkipWhiteSpace(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }

    private static int SkipWhiteSpaceBackward(string text, int index, int limit)
    {
        while (index >= limit && char.IsWhiteSpace(text[index]))
        {
            index--;
        }

        return index;
    }

    /// <summary>
    /// Returns the places where <paramref name="text"/>, the text of <paramref name="tree"/>, contains
    /// <paramref name="value"/> (ordinal comparison), for a caller that checks the characters around each place before
    /// it looks up the token there.
    /// </summary>
    public static int[] FindText(SyntaxTree tree, string text, string value) =>
        FindPositions(tree, text, value, StringComparison.Ordinal);

    // True when the first character at or after index that is not white space is the expected one, or a slash or a
    // number sign that may start a comment or a directive before it.
    private static bool IsFollowedBy(string text, int index, char expected)
    {
        index = SkipWhiteSpace(text, index);
        return index < text.Length && (text[index] == expected || text[index] is '/' or '#');
    }

    // Returns the token that contains each match. A match in trivia (a comment, inactive code) gives the token after
    // it, which the span test rejects.
    private static IEnumerable<SyntaxToken> FindTokens(SyntaxNode root, string text, string value, StringComparison comparison)
    {
        foreach (var index in FindPositions(root.SyntaxTree, text, value, comparison))
        {
            var token = root.FindToken(index);
            if (token.Span.Contains(index))
            {
                yield return token;
            }
        }
    }

    /// <summary>
    /// Returns true when <paramref name="text"/>, the text of <paramref name="tree"/>, contains
    /// <paramref name="value"/> (ordinal comparison).
    /// </summary>
    public static bool Contains(SyntaxTree tree, string text, string value) =>
        FindPositions(tree, text, value, StringComparison.Ordinal).Length > 0;

    // The places where value occurs in the text, without overlaps, from the tree's stored searches.
    private static int[] FindPositions(SyntaxTree tree, string text, string value, StringComparison comparison)
    {
        // An empty value matches at every position and would never let a search move on.
        if (value.Length == 0)
        {
            return [];
        }

        var searches = Searches.GetValue(tree, CreateSearches);
        var stored = comparison == StringComparison.Ordinal ? searches.Ordinal : searches.IgnoreCase;
        if (stored.TryGetValue(value, out var positions))
        {
            return positions;
        }

        positions = comparison == StringComparison.Ordinal && FindSharedPart(value) is { } part
            ? FilterPartMatches(text, value, part, FindPositions(tree, text, part, comparison))
            : Search(text, value, comparison);

        // Two rules may search at once. Both find the same places.
        stored.TryAdd(value, positions);
        return positions;
    }

    private static string? FindSharedPart(string value)
    {
        foreach (var part in SharedParts)
        {
            if (value.Length > part.Length && value.IndexOf(part, StringComparison.Ordinal) >= 0)
            {
                return part;
            }
        }

        return null;
    }

    // The value occurs where its part occurs at the same offset and the characters around the part match as well.
    private static int[] FilterPartMatches(string text, string value, string part, int[] partPositions)
    {
        var offset = value.IndexOf(part, StringComparison.Ordinal);
        List<int>? positions = null;
        var end = 0;
        foreach (var partPosition in partPositions)
        {
            var start = partPosition - offset;
            if (start >= end
                && start + value.Length <= text.Length
                && string.CompareOrdinal(text, start, value, 0, value.Length) == 0)
            {
                (positions ??= []).Add(start);
                end = start + value.Length;
            }
        }

        return positions?.ToArray() ?? [];
    }

    private static int[] Search(string text, string value, StringComparison comparison)
    {
        List<int>? positions = null;
        for (var index = text.IndexOf(value, comparison);
            index >= 0;
            index = text.IndexOf(value, index + value.Length, comparison))
        {
            (positions ??= []).Add(index);
        }

        return positions?.ToArray() ?? [];
    }

    /// <summary>
    /// Returns true when <paramref name="text"/>, the text of <paramref name="tree"/>, contains a Unicode escape
    /// (<c>\u0053</c>, <c>\U00000053</c>) or a formatting character such as a soft hyphen or a zero-width space. The
    /// compiler decodes the first and drops the second from identifiers, so <c>Set\u0053witch</c> and
    /// <c>Set&#xAD;Switch</c> both name SetSwitch, and <see cref="FindIdentifiers"/> misses them.
    /// </summary>
    public static bool MayHideNames(SyntaxTree tree, string text)
    {
        var searches = Searches.GetValue(tree, CreateSearches);
        var result = Volatile.Read(ref searches.MayHideNames);
        if (result == 0)
        {
            // Two rules may compute the result at once. Both compute the same value.
            result = ContainsUnicodeEscape(text) || ContainsFormattingCharacter(text) ? 2 : 1;
            Volatile.Write(ref searches.MayHideNames, result);
        }

        return result == 2;
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

    // The searches of one tree so far, shared by all rules.
    private sealed class TreeSearches
    {
        public readonly ConcurrentDictionary<string, int[]> Ordinal = new(StringComparer.Ordinal);
        public readonly ConcurrentDictionary<string, int[]> IgnoreCase = new(StringComparer.Ordinal);

        // 0: not checked yet, 1: no, 2: yes (see MayHideNames).
        public int MayHideNames;
    }
}
