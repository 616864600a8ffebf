using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Finds a type by its full metadata name, such as <c>System.Net.Security.SslStream</c>, as
/// <see cref="Compilation.GetTypeByMetadataName"/> does, and keeps the result for every analyzer of the package.
/// </summary>
/// <remarks>
/// <see cref="Compilation.GetTypeByMetadataName"/> searches each referenced assembly in turn, on every call. An ASP.NET
/// Core app references about 300, one lookup took about 0.25 ms on the benchmark's corpus, and the analyzers need
/// about 25 types per compilation. The compilation's global namespace merges the namespaces of all its assemblies, and the
/// compiler builds those merged namespaces for its own binding anyway, so walking them costs a few dictionary
/// lookups. The walk decides only the plain cases: no type of that name, one public type, or one declared in
/// the compilation itself. File-local types do not count, because their metadata names differ. The rest goes to
/// GetTypeByMetadataName: several candidates or one that is not public, nested and generic types, and compilations
/// with an assembly referenced under an extern alias, which the global namespace leaves out.
/// </remarks>
internal static class TypeLookup
{
    private static readonly ConditionalWeakTable<Compilation, Cache> Caches = new();
    private static readonly ConditionalWeakTable<Compilation, Cache>.CreateValueCallback CreateCache =
        compilation => new Cache(compilation);

    public static INamedTypeSymbol? FindType(this Compilation compilation, string metadataName)
    {
        var cache = Caches.GetValue(compilation, CreateCache);
        if (cache.Types.TryGetValue(metadataName, out var type))
        {
            return type;
        }

        // Two analyzers may look up the same type at once. Both find the same type, so either may store it.
        type = Resolve(compilation, cache, metadataName);
        cache.Types.TryAdd(metadataName, type);
        return type;
    }

    private static INamedTypeSymbol? Resolve(Compilation compilation, Cache cache, string metadataName)
    {
        if (cache.HasAliasedReferences || metadataName.IndexOf('+') >= 0 || metadataName.IndexOf('`') >= 0)
        {
            return compilation.GetTypeByMetadataName(metadataName);
        }

        INamespaceSymbol? container = compilation.GlobalNamespace;
        var start = 0;
        for (var dot = metadataName.IndexOf('.'); dot >= 0 && container is not null; dot = metadataName.IndexOf('.', start))
        {
            container = GetNamespace(container, metadataName.Substring(start, dot - start));
            start = dot + 1;
        }

        if (container is null)
        {
            return null;
        }

        var typeName = metadataName.Substring(start);
        INamedTypeSymbol? own = null;
        INamedTypeSymbol? referenced = null;
        var ownCount = 0;
        var referencedCount = 0;
        foreach (var type in container.GetTypeMembers(typeName, 0))
        {
            // A file-local type has a longer metadata name, under which GetTypeByMetadataName does not find it.
            if (type.MetadataName != typeName)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly))
            {
                own = type;
                ownCount++;
            }
            else
            {
                referenced = type;
                referencedCount++;
            }
        }

        // GetTypeByMetadataName prefers the compilation's own type as well.
        if (ownCount == 1)
        {
            return own;
        }

        return ownCount == 0 && referencedCount == 0 ? null
            : ownCount == 0 && referencedCount == 1 && referenced!.DeclaredAccessibility == Accessibility.Public ? referenced
            : compilation.GetTypeByMetadataName(metadataName);
    }

    private static INamespaceSymbol? GetNamespace(INamespaceSymbol container, string name)
    {
        foreach (var member in container.GetMembers(name))
        {
            if (member is INamespaceSymbol result)
            {
                return result;
            }
        }

        return null;
    }

    private sealed class Cache
    {
        public Cache(Compilation compilation)
        {
            foreach (var reference in compilation.References)
            {
                HasAliasedReferences |= !reference.Properties.Aliases.IsEmpty;
            }
        }

        public bool HasAliasedReferences { get; }

        public ConcurrentDictionary<string, INamedTypeSymbol?> Types { get; } = new(StringComparer.Ordinal);
    }
}
