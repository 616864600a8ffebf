using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Runs a rule's operation callbacks only on the calls and assignments near the places where a file spells one of
/// the rule's member names, such as <c>SetSwitch</c> or <c>AllowRenegotiation</c>.
/// </summary>
/// <remarks>
/// An operation action for <see cref="OperationKind.Invocation"/> is called once for every call in the compilation,
/// and Roslyn's own cost of each call is larger than the work of a rule that only compares a method name. A member
/// is spelled where it is called or assigned, because a C# alias renames a type or a namespace, never a member. Two
/// other ways to write the name exist: a Unicode escape (<c>Set\u0053witch</c>) and an invisible formatting
/// character inside it, such as a soft hyphen, which the compiler drops from identifiers. In a file that may contain
/// either, the finder looks at every call and assignment instead.
/// </remarks>
internal sealed class NamedOperationFinder
{
    private readonly ImmutableArray<string> names;
    private readonly ImmutableArray<(OperationKind Kind, Action<OperationSite> Action)> actions;

    /// <param name="names">Text to look for; a match may be part of a longer identifier.</param>
    /// <param name="actions">The callback for each operation kind, as it would be registered with Roslyn.</param>
    public NamedOperationFinder(
        ImmutableArray<string> names, params (OperationKind Kind, Action<OperationSite> Action)[] actions)
    {
        this.names = names;
        this.actions = actions.ToImmutableArray();
    }

    /// <summary>Runs the callbacks on the candidate operations of one file. Register it as a semantic model action.</summary>
    public void AnalyzeFile(SemanticModelAnalysisContext context)
    {
        var cancellationToken = context.CancellationToken;
        var tree = context.SemanticModel.SyntaxTree;
        var text = tree.GetText(cancellationToken).ToString();
        var root = tree.GetRoot(cancellationToken);
        var visited = new HashSet<SyntaxNode>();

        // In the IDE, Roslyn may request the diagnostics of one span only, such as the member being edited.
        var span = context.FilterSpan ?? root.FullSpan;
        if (NameSearch.MayHideNames(tree, text))
        {
            foreach (var node in root.DescendantNodes(span))
            {
                if (IsCandidate(node) && visited.Add(node))
                {
                    Analyze(context, node);
                }
            }

            return;
        }

        // A call over several lines touches the span even when its name lies outside it.
        var searchSpan = NameSearch.WidenToStatements(tree, context.FilterSpan, cancellationToken) ?? span;
        foreach (var name in names)
        {
            foreach (var token in NameSearch.FindIdentifiers(root, text, name))
            {
                if (searchSpan.IntersectsWith(token.Span))
                {
                    AnalyzeAncestors(context, token, span, visited);
                }
            }
        }
    }

    // The call or assignment that uses the name encloses the name's token, within the same statement or member.
    // Outer calls in the same statement are analyzed too, because each callback tests the method or property itself.
    private void AnalyzeAncestors(
        SemanticModelAnalysisContext context, SyntaxToken token, TextSpan span, HashSet<SyntaxNode> visited)
    {
        for (var node = token.Parent; node is not null; node = node.Parent)
        {
            if (IsCandidate(node) && node.Span.IntersectsWith(span) && visited.Add(node))
            {
                Analyze(context, node);
            }

            if (node is StatementSyntax or MemberDeclarationSyntax)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Returns the operation of <paramref name="node"/>. For <c>{ key, value }</c> in a collection initializer, where
    /// the semantic model gives none, that is the implicit Add call, found as the parent of its first argument.
    /// </summary>
    public static IOperation? GetOperation(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        var operation = model.GetOperation(node, cancellationToken);
        if (operation is not null || node is not InitializerExpressionSyntax { Expressions.Count: > 0 } initializer)
        {
            return operation;
        }

        for (operation = model.GetOperation(initializer.Expressions[0], cancellationToken);
            operation is not null;
            operation = operation.Parent)
        {
            if (operation.Syntax == node)
            {
                return operation;
            }
        }

        return null;
    }

    /// <summary>
    /// Returns true for the nodes whose operation the finder hands to the callbacks: calls, assignments, and
    /// <c>{ key, value }</c> in a collection initializer, which is an implicit call of Add.
    /// </summary>
    public static bool IsCandidate(SyntaxNode node) => node
        is InvocationExpressionSyntax
        or AssignmentExpressionSyntax
        or InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ComplexElementInitializerExpression };

    private void Analyze(SemanticModelAnalysisContext context, SyntaxNode node)
    {
        var operation = GetOperation(context.SemanticModel, node, context.CancellationToken);
        if (operation is null)
        {
            return;
        }

        foreach (var (kind, action) in actions)
        {
            if (operation.Kind != kind)
            {
                continue;
            }

            action(new OperationSite(operation, context.Options, context.ReportDiagnostic, context.CancellationToken));
        }
    }
}

/// <summary>An operation that <see cref="NamedOperationFinder"/> found, with what a callback needs to report on it.</summary>
internal readonly struct OperationSite
{
    private readonly Action<Diagnostic> reportDiagnostic;

    public OperationSite(
        IOperation operation, AnalyzerOptions options, Action<Diagnostic> reportDiagnostic, CancellationToken cancellationToken)
    {
        Operation = operation;
        Options = options;
        this.reportDiagnostic = reportDiagnostic;
        CancellationToken = cancellationToken;
    }

    public IOperation Operation { get; }

    public AnalyzerOptions Options { get; }

    public CancellationToken CancellationToken { get; }

    public void ReportDiagnostic(Diagnostic diagnostic) => reportDiagnostic(diagnostic);
}
