using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Looks up the operations of syntax that a text search found in one file. Create one per file and action.
/// </summary>
internal sealed class OperationLookup
{
    private readonly SemanticModel model;
    private readonly CancellationToken cancellationToken;

    // The operations under each enclosing syntax searched so far, by their syntax.
    private Dictionary<SyntaxNode, Dictionary<SyntaxNode, IOperation>?>? indexed;

    public OperationLookup(SemanticModel model, CancellationToken cancellationToken)
    {
        this.model = model;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>
    /// Returns the operation of <paramref name="node"/>. Roslyn 4.8's <see cref="SemanticModel.GetOperation"/>
    /// returns null for some syntax that the operation tree does hold, such as a target-typed <c>new()</c> inside a
    /// collection expression. The operation is then taken from the tree of the nearest enclosing syntax that contains it,
    /// within the same member. Each enclosing tree is indexed once, so a collection expression with thousands of
    /// elements costs one walk, not one per element.
    /// </summary>
    public IOperation? Find(SyntaxNode node)
    {
        if (model.GetOperation(node, cancellationToken) is { } operation)
        {
            return operation;
        }

        for (var ancestor = node.Parent; ancestor is not null and not MemberDeclarationSyntax; ancestor = ancestor.Parent)
        {
            if (GetIndex(ancestor) is { } index && index.TryGetValue(node, out var found))
            {
                return found;
            }
        }

        return null;
    }

    private Dictionary<SyntaxNode, IOperation>? GetIndex(SyntaxNode ancestor)
    {
        indexed ??= [];
        if (indexed.TryGetValue(ancestor, out var index))
        {
            return index;
        }

        if (model.GetOperation(ancestor, cancellationToken) is { } outer)
        {
            index = [];
            foreach (var descendant in outer.Descendants())
            {
                // An implicit conversion, such as the one to the element type, shares the syntax of its operand. The
                // first operation of each syntax in this order is the outermost one.
                if (descendant is not IConversionOperation { IsImplicit: true } && !index.ContainsKey(descendant.Syntax))
                {
                    index.Add(descendant.Syntax, descendant);
                }
            }
        }

        indexed.Add(ancestor, index);
        return index;
    }
}
