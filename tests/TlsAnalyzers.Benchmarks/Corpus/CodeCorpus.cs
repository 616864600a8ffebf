using System;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TlsAnalyzers.Benchmarks.Corpus;

/// <summary>Parsed source files that every configuration compiles, shared by all rounds of a run.</summary>
/// <param name="Description">What the corpus is, for the report.</param>
/// <param name="Trees">The parsed files.</param>
/// <param name="LineCount">Lines of all files, blank lines and comments included.</param>
/// <param name="TlsSiteCount">TLS code sites the generator mixed in; null for a folder of real files.</param>
/// <param name="ParseTime">Time spent parsing, outside the measured rounds.</param>
internal sealed record CodeCorpus(
    string Description,
    ImmutableArray<SyntaxTree> Trees,
    int LineCount,
    int? TlsSiteCount,
    TimeSpan ParseTime)
{
    /// <summary>Parse options of every corpus: the newest C# version that the referenced compiler supports.</summary>
    public static CSharpParseOptions ParseOptions { get; } =
        new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Regular);

    /// <summary>Writes every file under <paramref name="directory"/> at its tree path and returns the count.</summary>
    public int WriteTo(string directory)
    {
        foreach (var tree in Trees)
        {
            var path = Path.Combine(directory, tree.FilePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, tree.GetText().ToString());
        }

        return Trees.Length;
    }

    public static int CountLines(string text)
    {
        var lines = 1;
        foreach (var character in text)
        {
            if (character == '\n')
            {
                lines++;
            }
        }

        return text.EndsWith('\n') ? lines - 1 : lines;
    }
}
