using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace TlsAnalyzers.Tests.Robustness;

/// <summary>
/// Decides whether a text change of a code fix stays within the construct it rewrites. A change is allowed when:
/// <list type="number">
/// <item>it lies within the constructs of the fixed diagnostics (adjacent constructs count as one). A diagnostic's
/// construct is the innermost statement that contains its node, or the innermost member declaration when no
/// statement does. The construct runs from its first token (plus the indentation before it on its line) to the end
/// of its trailing trivia, so the comments and blank lines above a statement are outside it and must survive;</item>
/// <item>or it lies within the condition of an <c>if</c> statement that encloses a diagnostic, as when a fix turns
/// <c>if (env.IsDevelopment())</c> around a flagged call into <c>if (!env.IsDevelopment())</c>;</item>
/// <item>or it inserts whole statements into the block (or top-level statement list) that contains such a
/// statement, as a fix that adds <c>app.UseHsts();</c> next to the flagged call does;</item>
/// <item>or it inserts whole statements into a branch of an <c>if</c> statement of that block, or adds an
/// <c>else</c> branch to such an <c>if</c> that has none. Fixes for middleware order put the new call into the
/// environment check next to the flagged call (<c>if (env.IsDevelopment()) { ... } else { app.UseHsts(); }</c>);</item>
/// <item>or it inserts using directives before the first type or statement of the file.</item>
/// </list>
/// Text diffs may place an insertion or a deletion anywhere among equal characters (inserting <c>a.X();</c> before
/// <c>a.Y();</c> can read as inserting <c>X();a.</c> after <c>a.</c>), so both are slid across such runs before
/// judging.
/// </summary>
internal sealed class AllowedChangeRegions
{
    private static readonly Regex UsingDirectives =
        new(@"^(\s*(global\s+)?using\s+(static\s+)?[\w.:=<>, ]+;\s*)+$", RegexOptions.Compiled);

    private readonly SourceText oldText;
    private readonly List<TextSpan> constructs = [];
    private readonly List<TextSpan> statementLists = [];
    private readonly List<TextSpan> elseInsertionPoints = [];
    private readonly int usingsEnd;

    public AllowedChangeRegions(SyntaxNode oldRoot, IEnumerable<Diagnostic> fixedDiagnostics)
    {
        oldText = oldRoot.GetText();
        foreach (var diagnostic in fixedDiagnostics)
        {
            Add(oldRoot.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true));
        }

        usingsEnd = FindFirstCode(oldRoot);
    }

    public bool IsAllowed(TextChange change)
    {
        if (GetDeletionVariants(change).Any(variant => IsInConstruct(variant.Span)))
        {
            return true;
        }

        return IsWhitespace(oldText.ToString(change.Span)) && GetInsertionVariants(change).Any(IsAllowedInsertion);
    }

    private bool IsInConstruct(TextSpan span)
    {
        var covered = span.Start;
        foreach (var construct in constructs.OrderBy(construct => construct.Start))
        {
            if (construct.Start <= covered && construct.End > covered)
            {
                covered = construct.End;
            }
        }

        return covered >= span.End && constructs.Any(construct => construct.Start <= span.Start && span.Start <= construct.End);
    }

    private void Add(SyntaxNode node)
    {
        // NOTE: outside statements the construct is the whole member, so for a diagnostic on a type declaration any
        // edit inside that type passes. No rule reports on a type declaration today.
        var statement = node.AncestorsAndSelf().OfType<StatementSyntax>().FirstOrDefault();
        SyntaxNode construct = statement
            ?? (SyntaxNode?)node.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault()
            ?? node;
        constructs.Add(GetConstructSpan(construct));
        constructs.AddRange(node.Ancestors().OfType<IfStatementSyntax>().Select(ifStatement => ifStatement.Condition.Span));

        var list = statement?.Parent switch
        {
            BlockSyntax block => TextSpan.FromBounds(block.OpenBraceToken.Span.End, block.CloseBraceToken.SpanStart),
            SwitchSectionSyntax section => section.Span,
            GlobalStatementSyntax global => GetTopLevelStatementsSpan((CompilationUnitSyntax)global.Parent!),
            _ => (TextSpan?)null,
        };
        if (list is { } span)
        {
            statementLists.Add(span);
            AddIfStatementBranches(statement!.Parent is GlobalStatementSyntax global ? global.Parent! : statement.Parent!, span);
        }
    }

    private void AddIfStatementBranches(SyntaxNode listOwner, TextSpan list)
    {
        var ifStatements = listOwner.DescendantNodes(node => node == listOwner || node is GlobalStatementSyntax)
            .OfType<IfStatementSyntax>()
            .Where(ifStatement => list.Contains(ifStatement.Span));
        foreach (var ifStatement in ifStatements)
        {
            AddIfChain(ifStatement);
        }
    }

    private void AddIfChain(IfStatementSyntax ifStatement)
    {
        for (var current = ifStatement; current is not null; current = current.Else?.Statement as IfStatementSyntax)
        {
            AddBranchBlock(current.Statement);
            if (current.Else is null)
            {
                elseInsertionPoints.Add(TextSpan.FromBounds(current.Span.End, current.FullSpan.End));
            }
            else if (current.Else.Statement is not IfStatementSyntax)
            {
                AddBranchBlock(current.Else.Statement);
            }
        }
    }

    private void AddBranchBlock(StatementSyntax branch)
    {
        if (branch is BlockSyntax block)
        {
            statementLists.Add(TextSpan.FromBounds(block.OpenBraceToken.Span.End, block.CloseBraceToken.SpanStart));
        }
    }

    private TextSpan GetConstructSpan(SyntaxNode construct)
    {
        var line = oldText.Lines.GetLineFromPosition(construct.SpanStart);
        var indentation = oldText.ToString(TextSpan.FromBounds(line.Start, construct.SpanStart));
        var start = IsWhitespace(indentation) ? line.Start : construct.SpanStart;
        return TextSpan.FromBounds(start, construct.FullSpan.End);
    }

    private static TextSpan GetTopLevelStatementsSpan(CompilationUnitSyntax unit)
    {
        var statements = unit.Members.OfType<GlobalStatementSyntax>().ToList();
        return TextSpan.FromBounds(statements[0].FullSpan.Start, statements[^1].FullSpan.End);
    }

    private static int FindFirstCode(SyntaxNode root) => root
        .DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
        .OfType<MemberDeclarationSyntax>()
        .Where(member => member is not BaseNamespaceDeclarationSyntax)
        .Select(member => member.SpanStart)
        .DefaultIfEmpty(root.FullSpan.End)
        .Min();

    private bool IsAllowedInsertion(TextChange insertion)
    {
        var text = insertion.NewText ?? "";
        if (UsingDirectives.IsMatch(text))
        {
            return insertion.Span.End <= usingsEnd;
        }

        if (elseInsertionPoints.Any(point => point.Start <= insertion.Span.Start && insertion.Span.End <= point.End)
            && IsElseClause(text))
        {
            return true;
        }

        var inList = statementLists.Any(list => list.Start <= insertion.Span.Start && insertion.Span.End <= list.End);
        return inList && IsWholeStatements(insertion);
    }

    private static bool IsElseClause(string text)
    {
        var statement = SyntaxFactory.ParseStatement("if (true) { }\n" + text.TrimEnd() + "\n", consumeFullText: true);
        return statement is IfStatementSyntax { Else: not null } && !statement.ContainsDiagnostics;
    }

    // Line breaks that come with inserted statements may show up as a change of their own. Removed line breaks may
    // not, because a fix must keep the blank lines around the construct it rewrites.
    private static bool IsWholeStatements(TextChange insertion)
    {
        var text = insertion.NewText ?? "";
        if (IsWhitespace(text))
        {
            return insertion.Span.IsEmpty;
        }

        var block = (BlockSyntax)SyntaxFactory.ParseStatement("{" + text + "\n}");
        return !block.ContainsDiagnostics && block.Statements.Count > 0;
    }

    /// <summary>Returns the change itself and, for a deletion, every equivalent deletion slid over equal characters.</summary>
    private IEnumerable<TextChange> GetDeletionVariants(TextChange change)
    {
        yield return change;
        if (!string.IsNullOrEmpty(change.NewText) || change.Span.IsEmpty)
        {
            yield break;
        }

        for (var span = change.Span; span.Start > 0 && oldText[span.Start - 1] == oldText[span.End - 1];)
        {
            span = new TextSpan(span.Start - 1, span.Length);
            yield return new TextChange(span, "");
        }

        for (var span = change.Span; span.End < oldText.Length && oldText[span.Start] == oldText[span.End];)
        {
            span = new TextSpan(span.Start + 1, span.Length);
            yield return new TextChange(span, "");
        }
    }

    /// <summary>Returns the insertion itself and every equivalent insertion slid over equal characters.</summary>
    private IEnumerable<TextChange> GetInsertionVariants(TextChange change)
    {
        yield return change;
        if (!change.Span.IsEmpty || string.IsNullOrEmpty(change.NewText))
        {
            yield break;
        }

        var text = change.NewText;
        for (var position = change.Span.Start; position > 0 && oldText[position - 1] == text[^1];)
        {
            position--;
            text = oldText[position] + text[..^1];
            yield return new TextChange(new TextSpan(position, 0), text);
        }

        text = change.NewText;
        for (var position = change.Span.Start; position < oldText.Length && oldText[position] == text[0];)
        {
            text = text[1..] + oldText[position];
            position++;
            yield return new TextChange(new TextSpan(position, 0), text);
        }
    }

    private static bool IsWhitespace(string text) => text.All(char.IsWhiteSpace);
}
