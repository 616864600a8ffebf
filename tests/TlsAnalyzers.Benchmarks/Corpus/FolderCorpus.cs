using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TlsAnalyzers.Benchmarks.Corpus;

/// <summary>Loads a folder of real C# files as one corpus.</summary>
internal static class FolderCorpus
{
    public static CodeCorpus Load(string directory)
    {
        var stopwatch = Stopwatch.StartNew();
        var files = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(directory, path))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new ArgumentException($"No .cs files found under '{directory}' (bin and obj folders are skipped).");
        }

        var lineCount = 0;
        var trees = ImmutableArray.CreateBuilder<SyntaxTree>(files.Count);
        foreach (var path in files)
        {
            var text = File.ReadAllText(path);
            lineCount += CodeCorpus.CountLines(text);
            trees.Add(CSharpSyntaxTree.ParseText(text, CodeCorpus.ParseOptions, path, Encoding.UTF8));
        }

        var description = $"{files.Count} files under {directory}";
        return new CodeCorpus(description, trees.MoveToImmutable(), lineCount, null, stopwatch.Elapsed);
    }

    // Generated copies of the sources under bin/ and obj/ would double-declare every type.
    private static bool IsBuildOutput(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        var segments = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return segments.Any(segment => segment is "bin" or "obj");
    }
}
