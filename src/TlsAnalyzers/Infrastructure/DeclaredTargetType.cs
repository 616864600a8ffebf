using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Reads the target type of a target-typed <c>new()</c> from the declaration it initializes, so a rule can rule out
/// most of them without binding.
/// </summary>
internal static class DeclaredTargetType
{
    /// <summary>
    /// Returns the type written in the local, field or property declaration that <paramref name="creation"/>
    /// initializes, or null when the creation is anywhere else or the declaration uses <c>var</c>. Only binding gives
    /// the target type then.
    /// </summary>
    public static TypeSyntax? Of(ImplicitObjectCreationExpressionSyntax creation)
    {
        if (creation.Parent is not EqualsValueClauseSyntax clause)
        {
            return null;
        }

        var type = clause.Parent switch
        {
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } => declaration.Type,
            PropertyDeclarationSyntax property => property.Type,
            _ => null,
        };
        return type is { IsVar: true } ? null : type;
    }
}
