using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TlsAnalyzers.Tests.Robustness;

/// <summary>
/// Collects the C# sources that the robustness checks start from: the raw string literals of the rule tests (with
/// their diagnostic markup removed), the sample app, the end-to-end consumer project and the realistic programs of
/// <see cref="RealProjectPrograms"/>. The order is stable, so a fuzzing seed picks the same source on every run
/// until the test files change.
/// </summary>
internal static class SourceCorpus
{
    // Markup of Microsoft.CodeAnalysis.Testing: {|TLS001:...|}, {|#0:...|}, {|CS1002:|} and [|...|].
    private static readonly Regex Markup = new(@"\{\|[^:{}|\s]*:|\|\}|\[\||\|\]", RegexOptions.Compiled);

    private static readonly Lazy<ImmutableArray<CorpusEntry>> AllEntries = new(CollectAll);

    /// <summary>Every source: rule test literals, samples, consumer files and realistic programs.</summary>
    public static ImmutableArray<CorpusEntry> All => AllEntries.Value;

    /// <summary>
    /// The sources that the fix check runs on: the inputs of the code-fix tests, the samples, the consumer files and
    /// the realistic programs. Expected outputs of fixer tests come along too; they carry no diagnostic to fix.
    /// </summary>
    public static ImmutableArray<CorpusEntry> FixInputs() =>
        [.. FromTestFiles("*FixerTests.cs"), .. FromProjects(), .. RealProjectPrograms.All];

    private static ImmutableArray<CorpusEntry> CollectAll() =>
        [.. FromTestFiles("*.cs"), .. FromProjects(), .. RealProjectPrograms.All];

    private static IEnumerable<CorpusEntry> FromProjects()
    {
        yield return FromFolder(RepositoryPaths.Combine("samples", "InsecureTlsDemo"));
        yield return FromFolder(RepositoryPaths.Combine("tests", "TlsAnalyzers.Tests", "EndToEnd", "Consumer"));
    }

    private static CorpusEntry FromFolder(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => new CorpusFile(Path.GetFileName(path), File.ReadAllText(path)))
            .ToImmutableArray();
        return new CorpusEntry(Path.GetRelativePath(RepositoryPaths.Root, folder), files, IsWebProject: true);
    }

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static IEnumerable<CorpusEntry> FromTestFiles(string pattern)
    {
        var folder = RepositoryPaths.Combine("tests", "TlsAnalyzers.Tests", "Rules");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories)
            .OrderBy(path => path, StringComparer.Ordinal)
            .SelectMany(ExtractLiterals);
    }

    /// <summary>
    /// Returns each raw string literal of a test file that looks like C# (it contains a brace or a semicolon),
    /// without markup. Interpolated raw strings are skipped because their holes are filled only at run time.
    /// </summary>
    private static IEnumerable<CorpusEntry> ExtractLiterals(string path)
    {
        var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path);
        var relativePath = Path.GetRelativePath(RepositoryPaths.Root, path);

        foreach (var literal in tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>())
        {
            if (!IsRawString(literal.Token) || literal.Token.ValueText.IndexOfAny(['{', ';']) < 0)
            {
                continue;
            }

            var line = literal.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            yield return CorpusEntry.Single($"{relativePath}:{line}", Markup.Replace(literal.Token.ValueText, ""));
        }
    }

    private static bool IsRawString(SyntaxToken token) =>
        token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken);
}
