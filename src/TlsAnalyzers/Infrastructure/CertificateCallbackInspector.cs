using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Decides whether a certificate-validation delegate accepts every certificate: every way out of it returns a
/// constant <c>true</c> and nothing in it throws. It follows the delegate through lambdas, anonymous methods, method
/// groups, delegate creations, locals that are assigned once, readonly fields, get-only properties and methods in
/// source that return a delegate.
/// </summary>
/// <remarks>
/// Create one instance per analyzed operation: it caches semantic models of other files and the symbols it has
/// entered, and it is not thread-safe.
/// </remarks>
internal sealed class CertificateCallbackInspector
{
    // Methods that return delegates built by other methods can chain without end or in a cycle. A real bypass is
    // rarely more than two or three steps from where it is used, so six is an estimate with room to spare.
    private const int MaxDepth = 6;

    private readonly Compilation compilation;
    private readonly SemanticModel? currentModel;
    private readonly CancellationToken cancellationToken;
    private readonly HashSet<ISymbol> entered = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<SyntaxTree, SemanticModel> models = new();

    public CertificateCallbackInspector(
        Compilation compilation, SemanticModel? currentModel, CancellationToken cancellationToken)
    {
        this.compilation = compilation;
        this.currentModel = currentModel;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>
    /// Returns true when the delegate that <paramref name="value"/> produces accepts every certificate.
    /// <paramref name="origin"/> is the lambda, anonymous method or method that does the accepting.
    /// </summary>
    public bool AcceptsEveryCertificate(IOperation value, out Location? origin) =>
        AcceptsEveryCertificate(value, depth: 0, out origin);

    /// <summary>Removes the conversions and parentheses around <paramref name="operation"/>.</summary>
    public static IOperation SkipConversions(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;

                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;

                default:
                    return operation;
            }
        }
    }

    private bool AcceptsEveryCertificate(IOperation? value, int depth, out Location? origin)
    {
        origin = null;
        if (value is null || depth > MaxDepth)
        {
            return false;
        }

        cancellationToken.ThrowIfCancellationRequested();
        switch (SkipConversions(value))
        {
            case IDelegateCreationOperation creation:
                return AcceptsEveryCertificate(creation.Target, depth + 1, out origin);

            case IAnonymousFunctionOperation function:
                origin = function.Syntax.GetLocation();
                return BodyAcceptsEverything(function.Body);

            case IMethodReferenceOperation reference:
                return MethodAcceptsEverything(reference.Method, out origin);

            case ILocalReferenceOperation local:
                return LocalAcceptsEverything(local, depth, out origin);

            case IFieldReferenceOperation { Field: { IsReadOnly: true } field }:
                return HolderAcceptsEverything(field, depth, out origin);

            case IPropertyReferenceOperation { Property: { SetMethod: null, IsIndexer: false } property }:
                return HolderAcceptsEverything(property, depth, out origin);

            case IInvocationOperation invocation:
                return ReturnedDelegatesAcceptEverything(invocation.TargetMethod, depth, out origin);

            // NOTE: `debug ? acceptAll : null` is a bypass under a condition. It is not reported, because only
            // one branch accepts everything.
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return AcceptsEveryCertificate(conditional.WhenTrue, depth + 1, out origin)
                    && AcceptsEveryCertificate(whenFalse, depth + 1, out _);

            default:
                return false;
        }
    }

    private bool MethodAcceptsEverything(IMethodSymbol method, out Location? origin)
    {
        origin = null;
        var body = GetBody(method.OriginalDefinition);
        if (body is null)
        {
            return false;
        }

        origin = method.OriginalDefinition.Locations.FirstOrDefault();
        return BodyAcceptsEverything(body);
    }

    private bool LocalAcceptsEverything(ILocalReferenceOperation reference, int depth, out Location? origin)
    {
        origin = null;
        var declarator = reference.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
        if (declarator is not VariableDeclaratorSyntax { Initializer.Value: { } initializer }
            || IsWrittenAfterDeclaration(reference))
        {
            return false;
        }

        return AcceptsEveryCertificate(GetOperation(initializer), depth + 1, out origin);
    }

    private bool HolderAcceptsEverything(ISymbol holder, int depth, out Location? origin)
    {
        origin = null;
        if (!entered.Add(holder.OriginalDefinition))
        {
            return false;
        }

        var syntax = holder.OriginalDefinition.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
        switch (syntax)
        {
            // NOTE: only the declaration's initializer is followed. A readonly field assigned in a constructor is
            // not, so a callback set there is missed.
            case VariableDeclaratorSyntax { Initializer.Value: { } initializer }:
                return AcceptsEveryCertificate(GetOperation(initializer), depth + 1, out origin);

            case PropertyDeclarationSyntax { Initializer.Value: { } initializer }:
                return AcceptsEveryCertificate(GetOperation(initializer), depth + 1, out origin);

            case PropertyDeclarationSyntax when holder is IPropertySymbol { GetMethod: { } getter }:
                return ReturnedDelegatesAcceptEverything(getter, depth, out origin);

            default:
                return false;
        }
    }

    // A method or getter that builds a certificate callback: every delegate it can return must accept everything.
    private bool ReturnedDelegatesAcceptEverything(IMethodSymbol method, int depth, out Location? origin)
    {
        origin = null;
        if (!entered.Add(method.OriginalDefinition))
        {
            return false;
        }

        var body = GetBody(method.OriginalDefinition);
        var returned = body is null ? [] : GetReturnedValues(body);
        if (returned.Count == 0)
        {
            return false;
        }

        foreach (var value in returned)
        {
            if (!AcceptsEveryCertificate(value, depth + 1, out var valueOrigin))
            {
                return false;
            }

            origin ??= valueOrigin;
        }

        return true;
    }

    private bool BodyAcceptsEverything(IOperation body)
    {
        if (ContainsThrow(body))
        {
            return false;
        }

        var returned = GetReturnedValues(body);
        return returned.Count > 0 && returned.All(value => ConstantFolder.Fold(value) == true);
    }

    // Pinning by exception: a callback that throws on a certificate it rejects validates, even when every return
    // yields true. A call to a method in source that throws counts as well, one level deep.
    private bool ContainsThrow(IOperation body)
    {
        foreach (var operation in DescendantsInSameFunction(body))
        {
            if (operation is IThrowOperation)
            {
                return true;
            }

            if (operation is IInvocationOperation invocation && SourceMethodThrows(invocation.TargetMethod))
            {
                return true;
            }
        }

        return false;
    }

    private bool SourceMethodThrows(IMethodSymbol method)
    {
        foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (syntax.DescendantNodes().Any(node => node is ThrowStatementSyntax or ThrowExpressionSyntax))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the values that the function with this <paramref name="body"/> returns.</summary>
    public static List<IOperation> GetReturnedValues(IOperation body)
    {
        var values = new List<IOperation>();
        foreach (var operation in DescendantsInSameFunction(body))
        {
            if (operation is IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } value })
            {
                values.Add(value);
            }
        }

        return values;
    }

    // Returns inside a nested lambda or local function belong to that function, not to the callback.
    private static IEnumerable<IOperation> DescendantsInSameFunction(IOperation root)
    {
        var stack = new Stack<IOperation>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var operation = stack.Pop();
            yield return operation;
            foreach (var child in operation.ChildOperations)
            {
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    stack.Push(child);
                }
            }
        }
    }

    private static bool IsWrittenAfterDeclaration(ILocalReferenceOperation reference)
    {
        var root = reference;
        IOperation top = reference;
        while (top.Parent is not null)
        {
            top = top.Parent;
        }

        return top.Descendants().Any(operation => operation switch
        {
            IAssignmentOperation { Target: ILocalReferenceOperation target } =>
                SymbolEqualityComparer.Default.Equals(target.Local, root.Local),
            IArgumentOperation { ArgumentKind: ArgumentKind.Explicit, Value: ILocalReferenceOperation argument } arg =>
                arg.Parameter?.RefKind is RefKind.Ref or RefKind.Out
                && SymbolEqualityComparer.Default.Equals(argument.Local, root.Local),
            _ => false,
        });
    }

    private IOperation? GetBody(IMethodSymbol method)
    {
        var syntax = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
        return syntax switch
        {
            BaseMethodDeclarationSyntax or AccessorDeclarationSyntax => GetOperation(syntax),
            LocalFunctionStatementSyntax => (GetOperation(syntax) as ILocalFunctionOperation)?.Body,
            ArrowExpressionClauseSyntax arrow => GetOperation(arrow),
            _ => null,
        };
    }

    private IOperation? GetOperation(SyntaxNode node)
    {
        var model = GetModel(node.SyntaxTree);
        return model?.GetOperation(node, cancellationToken);
    }

    private SemanticModel? GetModel(SyntaxTree tree)
    {
        if (currentModel?.SyntaxTree == tree)
        {
            return currentModel;
        }

        if (!compilation.ContainsSyntaxTree(tree))
        {
            return null;
        }

        if (!models.TryGetValue(tree, out var model))
        {
            // The callback's method can sit in another file; its body has to be bound to know what it returns.
            // This runs only for delegates that reach a certificate-validation sink, which are few.
#pragma warning disable RS1030
            model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            models.Add(tree, model);
        }

        return model;
    }
}
