using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Finds the values that code in one method assigns to a property of one object: in the object initializer and,
/// when the object is stored in a local, field or property, through that variable later in the method.
/// </summary>
internal static class AssignedPropertyFinder
{
    /// <summary>
    /// Returns the values assigned to <paramref name="property"/> on the object that <paramref name="creation"/> creates.
    /// </summary>
    public static IEnumerable<IOperation> FindValues(IObjectCreationOperation creation, IPropertySymbol property)
    {
        var fromInitializer = FindInInitializer(creation, property);
        var variable = GetStoredVariable(creation);
        return variable is null ? fromInitializer : fromInitializer.Concat(FindThroughVariable(creation, variable, property));
    }

    /// <summary>
    /// Returns the values assigned to <paramref name="property"/> through <paramref name="variable"/> anywhere in the
    /// method that contains <paramref name="operation"/>, initializers of objects stored in it included.
    /// </summary>
    public static IEnumerable<IOperation> FindThroughVariable(IOperation operation, ISymbol variable, IPropertySymbol property)
    {
        foreach (var descendant in GetRoot(operation).Descendants())
        {
            if (descendant is IAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                && IsProperty(target, property)
                && SymbolEqualityComparer.Default.Equals(GetReferencedSymbol(target.Instance), variable))
            {
                yield return assignment.Value;
            }

            if (descendant is IObjectCreationOperation creation
                && SymbolEqualityComparer.Default.Equals(GetStoredVariable(creation), variable))
            {
                foreach (var value in FindInInitializer(creation, property))
                {
                    yield return value;
                }
            }
        }
    }

    /// <summary>Returns the local, field or property that the created object is assigned to, or null.</summary>
    public static ISymbol? GetStoredVariable(IObjectCreationOperation creation)
    {
        var parent = creation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            IFieldInitializerOperation { InitializedFields.Length: 1 } field => field.InitializedFields[0],
            ISimpleAssignmentOperation assignment => GetReferencedSymbol(assignment.Target),
            _ => null,
        };
    }

    /// <summary>Returns the local, parameter, field or property that <paramref name="operation"/> reads.</summary>
    public static ISymbol? GetReferencedSymbol(IOperation? operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property => property.Property,
        IConversionOperation conversion => GetReferencedSymbol(conversion.Operand),
        _ => null,
    };

    /// <summary>Returns the outermost operation of the method, lambda body included, that contains the operation.</summary>
    public static IOperation GetRoot(IOperation operation)
    {
        var root = operation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return root;
    }

    private static IEnumerable<IOperation> FindInInitializer(IObjectCreationOperation creation, IPropertySymbol property)
    {
        if (creation.Initializer is null)
        {
            return Enumerable.Empty<IOperation>();
        }

        return creation.Initializer.Initializers
            .OfType<IAssignmentOperation>()
            .Where(assignment => assignment.Target is IPropertyReferenceOperation target && IsProperty(target, property))
            .Select(assignment => assignment.Value);
    }

    private static bool IsProperty(IPropertyReferenceOperation reference, IPropertySymbol property) =>
        SymbolEqualityComparer.Default.Equals(reference.Property.OriginalDefinition, property);
}
