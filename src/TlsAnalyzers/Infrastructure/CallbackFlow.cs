using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Follows a certificate-validation delegate forward, inside one function, from where it is made or read to the
/// values that may hand it to a sink. A sink is an argument of a call or constructor, the value of an assignment, or
/// the initializer of a field or property. It walks the same steps as <see cref="CertificateCallbackInspector"/>, which
/// walks them backward from the sink: conversions, parentheses, both branches of <c>?:</c>, locals with an
/// initializer, and local functions that return the delegate.
/// </summary>
/// <remarks>
/// A rule that starts at each delegate creation visits a few thousand operations in a large project, where one that
/// starts at each call visits tens of thousands. Whether a value found here really reaches a sink, and whether the
/// delegate accepts everything, is still decided backward by the inspector, so both directions report the same code.
/// </remarks>
internal static class CallbackFlow
{
    // The inspector stops six steps from the sink, so a path with more local hops than that can never be reported.
    private const int MaxDepth = 6;

    /// <summary>
    /// Returns the values that carry <paramref name="start"/> into an argument, an assignment or a member
    /// initializer, each once.
    /// </summary>
    public static List<IOperation> FindSinkValues(IOperation start, CancellationToken cancellationToken)
    {
        var values = new List<IOperation>();
        Climb(start, depth: 0, values, cancellationToken);
        return values;
    }

    /// <summary>
    /// Returns the first delegate creation, in source order of the branches, that <paramref name="value"/> reads
    /// through conversions, <c>?:</c>, locals and local functions, and that <paramref name="isCandidate"/> accepts by
    /// its type; null when there is none.
    /// </summary>
    /// <remarks>
    /// Several starting points can lead to one sink, such as the two lambdas of <c>debug ? a : b</c>. Only the first
    /// delegate creation reports the sink, and a holder or factory reports it only when no delegate creation leads
    /// there, so each sink is reported once.
    /// </remarks>
    public static IDelegateCreationOperation? FirstDelegateCreation(
        IOperation value, Func<ITypeSymbol?, bool> isCandidate, CancellationToken cancellationToken) =>
        FirstDelegateCreation(value, isCandidate, depth: 0, cancellationToken);

    private static IDelegateCreationOperation? FirstDelegateCreation(
        IOperation? value, Func<ITypeSymbol?, bool> isCandidate, int depth, CancellationToken cancellationToken)
    {
        if (value is null || depth > MaxDepth)
        {
            return null;
        }

        switch (CertificateCallbackInspector.SkipConversions(value))
        {
            case IDelegateCreationOperation creation:
                return isCandidate(creation.Type) ? creation : null;

            case IConditionalOperation conditional:
                return FirstDelegateCreation(conditional.WhenTrue, isCandidate, depth, cancellationToken)
                    ?? FirstDelegateCreation(conditional.WhenFalse, isCandidate, depth, cancellationToken);

            case ILocalReferenceOperation local:
                return FirstDelegateCreation(
                    GetLocalInitializer(local, cancellationToken), isCandidate, depth + 1, cancellationToken);

            case IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction } invocation:
                foreach (var returned in GetLocalFunctionReturns(invocation, cancellationToken))
                {
                    if (FirstDelegateCreation(returned, isCandidate, depth + 1, cancellationToken) is { } found)
                    {
                        return found;
                    }
                }

                return null;

            default:
                return null;
        }
    }

    private static void Climb(IOperation operation, int depth, List<IOperation> values, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var current = operation;
        while (current.Parent is IConversionOperation or IParenthesizedOperation
            || (current.Parent is IConditionalOperation conditional && conditional.Condition != current))
        {
            current = current.Parent;
        }

        switch (current.Parent)
        {
            case IArgumentOperation { Parent: IInvocationOperation or IObjectCreationOperation }:
            case IAssignmentOperation assignment when assignment.Value == current:
            case IFieldInitializerOperation or IPropertyInitializerOperation:
                if (!values.Contains(current))
                {
                    values.Add(current);
                }

                break;

            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                foreach (var reference in FindInFunction(declarator, IsReferenceTo(declarator.Symbol)))
                {
                    Climb(reference, depth + 1, values, cancellationToken);
                }

                break;

            case IReturnOperation { Kind: OperationKind.Return } returned
                when GetEnclosingLocalFunction(returned) is { } function:
                foreach (var call in FindInFunction(returned, IsCallOf(function)))
                {
                    Climb(call, depth + 1, values, cancellationToken);
                }

                break;
        }
    }

    private static Func<IOperation, bool> IsReferenceTo(ILocalSymbol local) => operation =>
        operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);

    private static Func<IOperation, bool> IsCallOf(IMethodSymbol function) => operation =>
        operation is IInvocationOperation invocation
        && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, function);

    // A local and a local function are visible only inside the member that declares them, so every use lies in the
    // operation tree of that member.
    private static IEnumerable<IOperation> FindInFunction(IOperation inside, Func<IOperation, bool> predicate) =>
        AssignedPropertyFinder.GetRoot(inside).Descendants().Where(predicate);

    // The function whose return this is: a local function, or null for a lambda or a member's own body, whose
    // result the inspector does not follow from a sink.
    private static IMethodSymbol? GetEnclosingLocalFunction(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case ILocalFunctionOperation function:
                    return function.Symbol;

                case IAnonymousFunctionOperation:
                    return null;
            }
        }

        return null;
    }

    private static IOperation? GetLocalInitializer(ILocalReferenceOperation reference, CancellationToken cancellationToken)
    {
        var declarator = reference.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
        if (declarator is not VariableDeclaratorSyntax { Initializer.Value: { } initializer }
            || reference.SemanticModel is not { } model
            || model.SyntaxTree != initializer.SyntaxTree)
        {
            return null;
        }

        // For a lambda, GetOperation returns the function. The delegate creation around it has the same syntax.
        var operation = model.GetOperation(initializer, cancellationToken);
        while (operation?.Parent is { } parent && parent.Syntax == operation.Syntax)
        {
            operation = parent;
        }

        return operation;
    }

    private static IEnumerable<IOperation> GetLocalFunctionReturns(
        IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        var syntax = invocation.TargetMethod.OriginalDefinition.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
        if (syntax is not LocalFunctionStatementSyntax
            || invocation.SemanticModel is not { } model
            || model.SyntaxTree != syntax.SyntaxTree
            || model.GetOperation(syntax, cancellationToken) is not ILocalFunctionOperation { Body: { } body })
        {
            return [];
        }

        return CertificateCallbackInspector.GetReturnedValues(body);
    }
}
