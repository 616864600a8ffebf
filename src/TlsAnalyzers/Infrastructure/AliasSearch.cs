using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Finds the names that code can write a type with: its own name and the using aliases of it, such as
/// <c>using ServerOptions = System.Net.Security.SslServerAuthenticationOptions;</c> in any file.
/// </summary>
internal static class AliasSearch
{
    /// <summary>
    /// Returns <paramref name="typeName"/> and the names of the aliases whose target ends in it or in another alias
    /// found. Only the files whose text contains one of the names, or may hide one, are read, and only their using
    /// directives. The result may contain an alias of another type that ends in the same name, so a rule binds what
    /// it finds.
    /// </summary>
    public static ImmutableArray<string> FindNames(
        Compilation compilation, string typeName, CancellationToken cancellationToken)
    {
        var names = new List<string> { typeName };
        var searched = 0;
        while (searched < names.Count)
        {
            var newNames = names.GetRange(searched, names.Count - searched);
            searched = names.Count;
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = tree.GetText(cancellationToken).ToString();
                if (NameSearch.MayHideNames(tree, text) || newNames.Exists(name => NameSearch.Contains(tree, text, name)))
                {
                    AddAliases(tree.GetRoot(cancellationToken), names);
                }
            }
        }

        return names.ToImmutableArray();
    }

    private static void AddAliases(SyntaxNode root, List<string> names)
    {
        var pending = new Stack<SyntaxNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var (usings, members) = pending.Pop() switch
            {
                CompilationUnitSyntax unit => (unit.Usings, unit.Members),
                BaseNamespaceDeclarationSyntax space => (space.Usings, space.Members),
                _ => (default(SyntaxList<UsingDirectiveSyntax>), default(SyntaxList<MemberDeclarationSyntax>)),
            };
            foreach (var directive in usings)
            {
                if (directive.Alias?.Name.Identifier.ValueText is { Length: > 0 } alias
                    && LastName(directive.NamespaceOrType) is { } target
                    && names.Contains(target)
                    && !names.Contains(alias))
                {
                    names.Add(alias);
                }
            }

            foreach (var member in members)
            {
                if (member is BaseNamespaceDeclarationSyntax)
                {
                    pending.Push(member);
                }
            }
        }
    }

    private static string? LastName(TypeSyntax? type) => type switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        _ => null,
    };
}
