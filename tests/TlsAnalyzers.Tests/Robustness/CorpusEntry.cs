using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TlsAnalyzers.Tests.Robustness;

/// <summary>
/// One compilation's worth of C# source: a test's input literal, a sample project or a realistic program.
/// </summary>
/// <param name="Name">Where the source comes from, for failure messages: a path, with the literal's line.</param>
/// <param name="Files">File name and text of every document of the compilation.</param>
/// <param name="IsWebProject">
/// True for sources of <c>Microsoft.NET.Sdk.Web</c> projects, which compile with the SDK's implicit global usings and
/// nullable annotations enabled.
/// </param>
internal sealed record CorpusEntry(string Name, ImmutableArray<CorpusFile> Files, bool IsWebProject)
{
    public static CorpusEntry Single(string name, string text, bool isWebProject = false) =>
        new(name, [new CorpusFile("Source.cs", text)], isWebProject);

    /// <summary>True when a file has top-level statements, so the compilation must build an executable.</summary>
    public bool HasTopLevelStatements() => Files.Any(file =>
        CSharpSyntaxTree.ParseText(file.Text).GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any());
}

internal sealed record CorpusFile(string Name, string Text);
