using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TlsAnalyzers.Benchmarks.Corpus;

namespace TlsAnalyzers.Benchmarks.Tests;

public sealed class CorpusTests
{
    [Fact]
    public void Generated_SameScale_SameText()
    {
        var first = GeneratedCorpus.Create(0.05);
        var second = GeneratedCorpus.Create(0.05);

        Assert.Equal(Texts(first), Texts(second));
    }

    [Fact]
    public void Generated_LargerScale_ExtendsSmaller()
    {
        var small = GeneratedCorpus.Create(0.05);
        var large = GeneratedCorpus.Create(0.1);

        Assert.Equal(Texts(small), Texts(large).Take(small.Trees.Length));
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.3)]
    public void Generated_Size_MatchesScale(double scale)
    {
        var corpus = GeneratedCorpus.Create(scale);
        var target = GeneratedCorpus.LinesAtScaleOne * scale;

        Assert.InRange(corpus.LineCount, target, target + 800);
        Assert.Equal(corpus.LineCount, corpus.Trees.Sum(tree => tree.GetText().Lines.Count - 1));
    }

    [Fact]
    public void Generated_TlsSnippets_OnePerThousandLines()
    {
        var corpus = GeneratedCorpus.Create(0.3);

        // The last module can push the total past the next thousand without adding a snippet.
        var expected = (int)Math.Round(corpus.LineCount / 1000.0);
        Assert.InRange(corpus.TlsSiteCount!.Value, expected - 1, expected);
        Assert.Contains(
            corpus.Trees, tree => tree.GetText().ToString().Contains("GatewayHost0", StringComparison.Ordinal));
    }

    [Fact]
    public void Generated_ModuleWithEverySnippet_CompilesCleanly()
    {
        var random = new GeneratedCorpus.DeterministicRandom(1);
        var text = GeneratedCorpus.WriteModule(0, random, TlsCodeTemplates.Snippets);
        var tree = CSharpSyntaxTree.ParseText(text, CodeCorpus.ParseOptions);
        var compilation = CSharpCompilation.Create(
            "Module",
            [tree],
            ReferenceAssemblies.Find().References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var diagnostics = compilation.GetDiagnostics();

        Assert.Empty(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.All(
            diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning),
            warning => Assert.True(IsObsoleteApiWarning(warning), warning.ToString()));
    }

    [Fact]
    public void Folder_SkipsBuildOutput_CountsLines()
    {
        var root = Directory.CreateTempSubdirectory("benchmark-corpus").FullName;
        File.WriteAllText(Path.Combine(root, "A.cs"), "class A\n{\n}\n");
        Directory.CreateDirectory(Path.Combine(root, "obj"));
        File.WriteAllText(Path.Combine(root, "obj", "A.g.cs"), "class A { }\n");

        var corpus = FolderCorpus.Load(root);

        Assert.Single(corpus.Trees);
        Assert.Equal(3, corpus.LineCount);
        Assert.Null(corpus.TlsSiteCount);
    }

    [Fact]
    public void Folder_WithoutSources_Throws()
    {
        var root = Directory.CreateTempSubdirectory("benchmark-corpus").FullName;

        var exception = Assert.Throws<ArgumentException>(() => FolderCorpus.Load(root));

        Assert.Contains(root, exception.Message, StringComparison.Ordinal);
    }

    // The insecure snippets use APIs that .NET marks obsolete (SYSLIB0014 ServicePointManager, SYSLIB0039 TLS 1.0
    // and 1.1); any other warning would mean the generated application code itself is sloppy.
    private static bool IsObsoleteApiWarning(Diagnostic warning) =>
        warning.Id.StartsWith("SYSLIB", StringComparison.Ordinal) || warning.Id is "CS0618";

    private static string[] Texts(CodeCorpus corpus) => [.. corpus.Trees.Select(tree => tree.GetText().ToString())];
}
