using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace TlsAnalyzers.Tests.Robustness;

/// <summary>
/// Splits one changed block of <see cref="LineDiff"/> into smaller changes by diffing its words, symbols and
/// whitespace runs. A line diff reports a whole line as changed when a fix removes one of two statements on it, or
/// the statement after <c>{</c> in a one-line lambda, so the unchanged code on that line would count as edited.
/// </summary>
internal static partial class TokenDiff
{
    // Beyond this many token pairs the quadratic table costs too much, so the block is judged as a whole.
    private const long MaxTablePairs = 4_000_000;

    public static IReadOnlyList<TextChange> Split(string oldText, TextChange change)
    {
        var oldTokens = Tokenize(oldText.Substring(change.Span.Start, change.Span.Length));
        var newTokens = Tokenize(change.NewText ?? string.Empty);
        if ((long)oldTokens.Count * newTokens.Count > MaxTablePairs)
        {
            return [change];
        }

        var common = GetCommonSuffixLengths(oldTokens, newTokens);
        var changes = new List<TextChange>();
        int oldIndex = 0, newIndex = 0, oldOffset = change.Span.Start;
        while (oldIndex < oldTokens.Count || newIndex < newTokens.Count)
        {
            if (oldIndex < oldTokens.Count && newIndex < newTokens.Count && oldTokens[oldIndex] == newTokens[newIndex])
            {
                oldOffset += oldTokens[oldIndex].Length;
                oldIndex++;
                newIndex++;
                continue;
            }

            var start = oldOffset;
            var inserted = new System.Text.StringBuilder();
            while (oldIndex < oldTokens.Count || newIndex < newTokens.Count)
            {
                if (oldIndex < oldTokens.Count && newIndex < newTokens.Count && oldTokens[oldIndex] == newTokens[newIndex])
                {
                    break;
                }

                if (newIndex == newTokens.Count
                    || (oldIndex < oldTokens.Count && common[oldIndex + 1, newIndex] >= common[oldIndex, newIndex + 1]))
                {
                    oldOffset += oldTokens[oldIndex].Length;
                    oldIndex++;
                }
                else
                {
                    inserted.Append(newTokens[newIndex]);
                    newIndex++;
                }
            }

            changes.Add(new TextChange(TextSpan.FromBounds(start, oldOffset), inserted.ToString()));
        }

        return changes;
    }

    /// <summary>
    /// Drops the whitespace at both ends of a change unless it contains a blank line. Removing a statement also removes
    /// the space or line break that separated it from its neighbour, which belongs to no construct. A lost blank line
    /// is still a change.
    /// </summary>
    public static TextChange TrimSeparators(string oldText, TextChange change)
    {
        var deleted = oldText.Substring(change.Span.Start, change.Span.Length);
        var inserted = change.NewText ?? string.Empty;
        var leading = SeparatorLength(deleted, fromStart: true);
        var trailing = SeparatorLength(deleted[leading..], fromStart: false);
        var span = TextSpan.FromBounds(change.Span.Start + leading, change.Span.End - trailing);
        return new TextChange(span, IsSeparator(inserted) ? string.Empty : inserted);
    }

    private static int SeparatorLength(string text, bool fromStart)
    {
        var length = 0;
        while (length < text.Length && char.IsWhiteSpace(fromStart ? text[length] : text[^(length + 1)]))
        {
            length++;
        }

        var run = fromStart ? text[..length] : text[^length..];
        return IsSeparator(run) ? length : 0;
    }

    private static bool IsSeparator(string text) =>
        string.IsNullOrWhiteSpace(text) && text.Split('\n').Length <= 2;

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        foreach (Match match in TokenPattern().Matches(text))
        {
            tokens.Add(match.Value);
        }

        return tokens;
    }

    private static int[,] GetCommonSuffixLengths(List<string> oldTokens, List<string> newTokens)
    {
        var lengths = new int[oldTokens.Count + 1, newTokens.Count + 1];
        for (var i = oldTokens.Count - 1; i >= 0; i--)
        {
            for (var j = newTokens.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = oldTokens[i] == newTokens[j]
                    ? lengths[i + 1, j + 1] + 1
                    : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        return lengths;
    }

    [GeneratedRegex(@"\s+|\w+|[^\w\s]")]
    private static partial Regex TokenPattern();
}
