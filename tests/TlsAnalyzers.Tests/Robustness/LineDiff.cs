using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;

namespace TlsAnalyzers.Tests.Robustness;

/// <summary>
/// Computes the changes between two texts as a line diff (longest common subsequence of lines), with each changed
/// block narrowed to the characters that differ. Sources here have at most a few hundred lines, so the quadratic
/// table stays small.
/// </summary>
internal static class LineDiff
{
    public static IEnumerable<TextChange> GetChanges(string oldText, string newText)
    {
        var oldLines = SplitLines(oldText);
        var newLines = SplitLines(newText);
        var oldOffsets = GetOffsets(oldLines);
        var common = GetCommonSuffixLengths(oldLines, newLines);

        int oldIndex = 0, newIndex = 0;
        while (oldIndex < oldLines.Count || newIndex < newLines.Count)
        {
            if (oldIndex < oldLines.Count && newIndex < newLines.Count && oldLines[oldIndex] == newLines[newIndex])
            {
                oldIndex++;
                newIndex++;
                continue;
            }

            var (oldStart, newStart) = (oldIndex, newIndex);
            while (oldIndex < oldLines.Count || newIndex < newLines.Count)
            {
                if (oldIndex < oldLines.Count && newIndex < newLines.Count && oldLines[oldIndex] == newLines[newIndex])
                {
                    break;
                }

                var deleteFirst = newIndex == newLines.Count
                    || (oldIndex < oldLines.Count && common[oldIndex + 1, newIndex] >= common[oldIndex, newIndex + 1]);
                if (deleteFirst)
                {
                    oldIndex++;
                }
                else
                {
                    newIndex++;
                }
            }

            var span = TextSpan.FromBounds(oldOffsets[oldStart], oldOffsets[oldIndex]);
            var inserted = string.Concat(newLines.Skip(newStart).Take(newIndex - newStart));
            yield return Narrow(oldText, span, inserted);
        }
    }

    /// <summary>Splits a text into lines that keep their line breaks, so that the lines add up to the text.</summary>
    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var index = 0; index < text.Length; index++)
        {
            if (text[index] == '\n')
            {
                lines.Add(text[start..(index + 1)]);
                start = index + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    /// <summary>Returns, for each pair of positions, the length of the longest common subsequence of the rest.</summary>
    private static int[,] GetCommonSuffixLengths(List<string> oldLines, List<string> newLines)
    {
        var lengths = new int[oldLines.Count + 1, newLines.Count + 1];
        for (var i = oldLines.Count - 1; i >= 0; i--)
        {
            for (var j = newLines.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = oldLines[i] == newLines[j]
                    ? lengths[i + 1, j + 1] + 1
                    : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        return lengths;
    }

    private static int[] GetOffsets(IReadOnlyList<string> pieces)
    {
        var offsets = new int[pieces.Count + 1];
        for (var index = 0; index < pieces.Count; index++)
        {
            offsets[index + 1] = offsets[index] + pieces[index].Length;
        }

        return offsets;
    }

    /// <summary>Drops the prefix and suffix that the deleted and the inserted text share.</summary>
    private static TextChange Narrow(string oldText, TextSpan span, string inserted)
    {
        var deleted = oldText.Substring(span.Start, span.Length);
        var prefix = 0;
        while (prefix < deleted.Length && prefix < inserted.Length && deleted[prefix] == inserted[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        var maxSuffix = Math.Min(deleted.Length, inserted.Length) - prefix;
        while (suffix < maxSuffix && deleted[^(suffix + 1)] == inserted[^(suffix + 1)])
        {
            suffix++;
        }

        var narrowed = TextSpan.FromBounds(span.Start + prefix, span.End - suffix);
        return new TextChange(narrowed, inserted.Substring(prefix, inserted.Length - prefix - suffix));
    }
}
