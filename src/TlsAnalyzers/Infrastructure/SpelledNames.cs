using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Tells whether a file can contain an identifier whose text differs from its name, so that searching the file's
/// text for a member name could miss a use of the member.
/// </summary>
internal static class SpelledNames
{
    // Several rules ask about the same file, and a syntax tree's text never changes, so the result is kept per tree.
    private static readonly ConditionalWeakTable<SyntaxTree, object> Results = new();
    private static readonly object Yes = new();
    private static readonly object No = new();

    /// <summary>
    /// Returns true when <paramref name="text"/>, the text of <paramref name="tree"/>, contains a Unicode escape
    /// (<c>\u0053</c>, <c>\U00000053</c>) or a formatting character such as a soft hyphen or a zero-width space. The
    /// compiler decodes the first and drops the second from identifiers, so <c>Set\u0053witch</c> and
    /// <c>Set&#xAD;Switch</c> both name SetSwitch.
    /// </summary>
    public static bool MayHideNames(SyntaxTree tree, string text)
    {
        if (!Results.TryGetValue(tree, out var result))
        {
            // Two rules may compute it at once, and both then get the stored result.
            result = Results.GetValue(
                tree, _ => ContainsUnicodeEscape(text) || ContainsFormattingCharacter(text) ? Yes : No);
        }

        return result == Yes;
    }

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

    // Every formatting character lies outside ASCII. Counting UTF-8 bytes is a fast test for a file that is all
    // ASCII, as most source files are: only then does each character take one byte.
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
