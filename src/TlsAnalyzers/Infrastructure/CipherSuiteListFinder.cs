using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Finds the element expressions of the cipher suite list passed to <c>new CipherSuitesPolicy(...)</c>: an array,
/// a collection expression or a collection initializer, written in place or stored in a local or a field, and
/// <c>list.Add(suite)</c> calls on a local list.
/// </summary>
/// <remarks>
/// Syntax, not IOperation, walks the lists because Roslyn 4.8 has no operation for collection expressions.
/// </remarks>
internal static class CipherSuiteListFinder
{
    public static IEnumerable<ExpressionSyntax> FindElements(
        ExpressionSyntax argument, SemanticModel model, CancellationToken cancellationToken)
    {
        argument = Unwrap(argument);
        if (GetLiteralElements(argument) is { } literal)
        {
            return literal;
        }

        if (argument is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }))
        {
            return Enumerable.Empty<ExpressionSyntax>();
        }

        return model.GetSymbolInfo(argument, cancellationToken).Symbol switch
        {
            ILocalSymbol local => FindLocalElements(local, model, cancellationToken),
            IFieldSymbol field => FindFieldElements(field, model.SyntaxTree, cancellationToken),
            _ => Enumerable.Empty<ExpressionSyntax>(),
        };
    }

    /// <summary>
    /// Returns the argument of the <c>new CipherSuitesPolicy(...)</c> that receives the list containing
    /// <paramref name="element"/>: the list itself, or a local or field that stores it. Returns null when the element
    /// is in no list or the list reaches no policy in the same method (local) or file (field).
    /// </summary>
    public static ExpressionSyntax? FindPolicyArgument(
        ExpressionSyntax element, SemanticModel model, INamedTypeSymbol policyType, CancellationToken cancellationToken)
    {
        var list = GetContainingList(element);
        if (list is null)
        {
            return null;
        }

        if (list is ExpressionSyntax literal
            && Climb(literal).Parent is ArgumentSyntax
            {
                Parent: ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax creation },
            } argument
            && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(creation, cancellationToken).Type, policyType))
        {
            return argument.Expression;
        }

        var holder = GetHolder(list, model, cancellationToken);
        if (holder is null)
        {
            return null;
        }

        var scope = holder is ILocalSymbol
            ? list.FirstAncestorOrSelf<BlockSyntax>() ?? list.SyntaxTree.GetRoot(cancellationToken)
            : list.SyntaxTree.GetRoot(cancellationToken);
        return scope.DescendantNodes()
            .OfType<BaseObjectCreationExpressionSyntax>()
            .Where(creation => creation.ArgumentList?.Arguments.Count == 1
                && Unwrap(creation.ArgumentList.Arguments[0].Expression) is IdentifierNameSyntax name
                && name.Identifier.ValueText == holder.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, holder)
                && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(creation, cancellationToken).Type, policyType))
            .Select(creation => creation.ArgumentList!.Arguments[0].Expression)
            .FirstOrDefault();
    }

    // Returns the list expression whose element is `element`, or the `list.Add(element)` invocation.
    private static SyntaxNode? GetContainingList(ExpressionSyntax element)
    {
        var node = Climb(element);
        return node.Parent switch
        {
            InitializerExpressionSyntax { Parent: ExpressionSyntax creation } initializer
                when initializer.IsKind(SyntaxKind.ArrayInitializerExpression)
                    || initializer.IsKind(SyntaxKind.CollectionInitializerExpression) =>
                creation is ArrayCreationExpressionSyntax
                    or ImplicitArrayCreationExpressionSyntax
                    or BaseObjectCreationExpressionSyntax
                    ? creation
                    : initializer,
            InitializerExpressionSyntax { Parent: EqualsValueClauseSyntax } fieldArray => fieldArray,
            ExpressionElementSyntax { Parent: CollectionExpressionSyntax collection } => collection,
            ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax add } }
                when add.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" } => add,
            _ => null,
        };
    }

    // Returns the local or field that stores the list, or that `Add` is called on.
    private static ISymbol? GetHolder(SyntaxNode list, SemanticModel model, CancellationToken cancellationToken)
    {
        if (list is InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver },
            })
        {
            return model.GetSymbolInfo(receiver, cancellationToken).Symbol as ILocalSymbol;
        }

        if (list is ExpressionSyntax expression
            && Climb(expression).Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator })
        {
            var symbol = model.GetDeclaredSymbol(declarator, cancellationToken);
            return symbol is ILocalSymbol or IFieldSymbol ? symbol : null;
        }

        return null;
    }

    private static SyntaxNode Climb(SyntaxNode node)
    {
        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            node = node.Parent;
        }

        return node;
    }

    /// <summary>Returns the elements of a list written in place, or null when <paramref name="list"/> is no list.</summary>
    public static IEnumerable<ExpressionSyntax>? GetLiteralElements(ExpressionSyntax list) => Unwrap(list) switch
    {
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
        ImplicitArrayCreationExpressionSyntax array => array.Initializer.Expressions,
        InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ArrayInitializerExpression) =>
            initializer.Expressions,
        BaseObjectCreationExpressionSyntax { Initializer: { } initializer }
            when initializer.IsKind(SyntaxKind.CollectionInitializerExpression) => initializer.Expressions,
        CollectionExpressionSyntax collection =>
            collection.Elements.OfType<ExpressionElementSyntax>().Select(element => element.Expression),
        _ => null,
    };

    /// <summary>
    /// Returns the <c>TlsCipherSuite</c> member that <paramref name="element"/> names, or null for any other value.
    /// </summary>
    public static IFieldSymbol? GetSuite(
        ExpressionSyntax element, SemanticModel model, INamedTypeSymbol suiteType, CancellationToken cancellationToken)
    {
        var symbol = model.GetSymbolInfo(element, cancellationToken).Symbol as IFieldSymbol;
        return symbol is { HasConstantValue: true } && SymbolEqualityComparer.Default.Equals(symbol.ContainingType, suiteType)
            ? symbol
            : null;
    }

    private static IEnumerable<ExpressionSyntax> FindLocalElements(
        ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
    {
        if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax
            {
                Initializer.Value: { } initializer,
            } declarator)
        {
            return Enumerable.Empty<ExpressionSyntax>();
        }

        var initial = GetLiteralElements(initializer) ?? Enumerable.Empty<ExpressionSyntax>();
        var scope = declarator.FirstAncestorOrSelf<BlockSyntax>() ?? (SyntaxNode)declarator.SyntaxTree.GetRoot(cancellationToken);
        return initial.Concat(FindAddedElements(scope, local, model, cancellationToken));
    }

    // NOTE: AddRange, Insert and lists built in another method are not followed.
    private static IEnumerable<ExpressionSyntax> FindAddedElements(
        SyntaxNode scope, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var invocation in scope.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation is
                {
                    Expression: MemberAccessExpressionSyntax
                    {
                        Name.Identifier.ValueText: "Add",
                        Expression: IdentifierNameSyntax receiver,
                    },
                    ArgumentList.Arguments.Count: 1,
                }
                && receiver.Identifier.ValueText == local.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(receiver, cancellationToken).Symbol, local))
            {
                yield return invocation.ArgumentList.Arguments[0].Expression;
            }
        }
    }

    // NOTE: a field declared in another file is not followed, because the rule has only this file's semantic model.
    private static IEnumerable<ExpressionSyntax> FindFieldElements(
        IFieldSymbol field, SyntaxTree tree, CancellationToken cancellationToken)
    {
        var declarator = field.DeclaringSyntaxReferences
            .Where(reference => reference.SyntaxTree == tree)
            .Select(reference => reference.GetSyntax(cancellationToken))
            .OfType<VariableDeclaratorSyntax>()
            .FirstOrDefault();
        return declarator?.Initializer?.Value is { } value
            ? GetLiteralElements(value) ?? Enumerable.Empty<ExpressionSyntax>()
            : Enumerable.Empty<ExpressionSyntax>();
    }

    private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    break;
                default:
                    return expression;
            }
        }
    }
}
