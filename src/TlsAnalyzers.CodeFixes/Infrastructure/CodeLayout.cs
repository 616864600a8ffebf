using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TlsAnalyzers.CodeFixes.Infrastructure;

/// <summary>The line break and the indentation of one line, for code that a fix inserts at that line.</summary>
internal readonly struct CodeLayout
{
    // NOTE: inserted code is indented with four spaces per level whatever the file uses.
    public const string IndentUnit = "    ";

    private CodeLayout(string newLine, string indentation)
    {
        NewLine = newLine;
        Indentation = indentation;
    }

    public string NewLine { get; }

    public string Indentation { get; }

    /// <summary>The layout one level deeper.</summary>
    public CodeLayout Nested => new(NewLine, Indentation + IndentUnit);

    /// <summary>Returns the layout of the line on which <paramref name="node"/> starts.</summary>
    public static CodeLayout Of(SyntaxNode node)
    {
        var text = node.SyntaxTree.GetText();
        var line = text.Lines.GetLineFromPosition(node.SpanStart).ToString();
        var indentation = line.Substring(0, line.Length - line.TrimStart().Length);
        return new CodeLayout(GetNewLine(node.SyntaxTree.GetRoot()), indentation);
    }

    private static string GetNewLine(SyntaxNode root)
    {
        var existing = root.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        return existing.IsKind(SyntaxKind.EndOfLineTrivia) ? existing.ToString() : "\n";
    }
}
