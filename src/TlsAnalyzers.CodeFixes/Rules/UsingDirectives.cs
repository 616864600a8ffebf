using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TlsAnalyzers.CodeFixes.Rules;

/// <summary>Adds a using directive to a compilation unit, in alphabetical order among the existing ones.</summary>
internal static class UsingDirectives
{
    public static SyntaxNode Add(SyntaxNode root, string namespaceName)
    {
        if (root is not CompilationUnitSyntax unit
            || unit.Usings.Any(existing => existing.Alias is null && existing.Name?.ToString() == namespaceName))
        {
            return root;
        }

        // Parsed rather than built, so the directive carries no elastic trivia that the formatter would rewrite.
        var directive = ParseCompilationUnit("using " + namespaceName + ";" + GetNewLine(root)).Usings[0];
        var index = unit.Usings.TakeWhile(existing => existing.StaticKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None)
            && existing.Alias is null
            && string.CompareOrdinal(existing.Name?.ToString(), namespaceName) < 0).Count();
        if (unit.Usings.Count == 0)
        {
            // The first using takes the file's leading trivia (a header comment) and keeps a blank line before code.
            var first = unit.GetLeadingTrivia();
            var newUnit = unit.WithoutLeadingTrivia()
                .WithUsings(List(new[] { directive.WithLeadingTrivia(first) }));
            return InsertBlankLineAfterUsings(newUnit, GetNewLine(root));
        }

        return unit.WithUsings(unit.Usings.Insert(index, directive));
    }

    public static string GetNewLine(SyntaxNode root) =>
        root.DescendantTrivia().FirstOrDefault(trivia =>
            trivia.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.EndOfLineTrivia)).ToString() is { Length: > 0 } newLine
            ? newLine
            : "\n";

    private static CompilationUnitSyntax InsertBlankLineAfterUsings(CompilationUnitSyntax unit, string newLine)
    {
        var firstToken = unit.Usings.Last().GetLastToken().GetNextToken();
        return unit.ReplaceToken(firstToken, firstToken.WithLeadingTrivia(firstToken.LeadingTrivia.Insert(0, EndOfLine(newLine))));
    }
}
