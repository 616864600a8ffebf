using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// The two framework enums that select SSL/TLS versions, resolved once per compilation: <c>SslProtocols</c>
/// (SslStream, HttpClientHandler, Kestrel) and <c>SecurityProtocolType</c> (ServicePointManager). Either may be
/// missing, for example in a compilation without System.Net references.
/// </summary>
internal sealed class ProtocolEnumTypes
{
    public const string SslProtocolsMetadataName = "System.Security.Authentication.SslProtocols";
    public const string SecurityProtocolTypeMetadataName = "System.Net.SecurityProtocolType";

    private readonly long _sslProtocolsWeakBits;
    private readonly long _securityProtocolTypeWeakBits;

    private ProtocolEnumTypes(INamedTypeSymbol? sslProtocols, INamedTypeSymbol? securityProtocolType)
    {
        SslProtocols = sslProtocols;
        SecurityProtocolType = securityProtocolType;
        var weakMemberNames = new SortedSet<string>(System.StringComparer.Ordinal);
        _sslProtocolsWeakBits = GetDefinedWeakBits(sslProtocols, weakMemberNames);
        _securityProtocolTypeWeakBits = GetDefinedWeakBits(securityProtocolType, weakMemberNames);
        WeakMemberNames = weakMemberNames.ToImmutableArray();
    }

    /// <summary>The names of the members of either enum that select an old protocol, such as Tls11 and Default.</summary>
    public ImmutableArray<string> WeakMemberNames { get; }

    public INamedTypeSymbol? SslProtocols { get; }

    public INamedTypeSymbol? SecurityProtocolType { get; }

    /// <summary>Resolves both enums, or returns null when the compilation references neither.</summary>
    public static ProtocolEnumTypes? Create(Compilation compilation)
    {
        var sslProtocols = GetEnum(compilation, SslProtocolsMetadataName);
        var securityProtocolType = GetEnum(compilation, SecurityProtocolTypeMetadataName);
        return sslProtocols is null && securityProtocolType is null
            ? null
            : new ProtocolEnumTypes(sslProtocols, securityProtocolType);
    }

    public bool Contains(ITypeSymbol? type)
    {
        return type is not null && (SymbolMatch.Is(type, SslProtocols) || SymbolMatch.Is(type, SecurityProtocolType));
    }

    /// <summary>
    /// Returns the protocol enum that <paramref name="type"/> is or wraps in <c>Nullable&lt;T&gt;</c>, or null.
    /// </summary>
    public ITypeSymbol? GetProtocolEnum(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { IsGenericType: true } named
            && named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            type = named.TypeArguments[0];
        }

        return Contains(type) ? type : null;
    }

    /// <summary>
    /// Returns the bits of <paramref name="value"/> that select an old protocol the enum <paramref name="type"/>
    /// defines. SecurityProtocolType has no SSL 2.0 member, so its bits 12 count for nothing there.
    /// </summary>
    public long GetWeakBits(ITypeSymbol? type, long value)
    {
        if (SymbolMatch.Is(type, SslProtocols))
        {
            return value & _sslProtocolsWeakBits;
        }

        if (SymbolMatch.Is(type, SecurityProtocolType))
        {
            return value & _securityProtocolTypeWeakBits;
        }

        return 0;
    }

    private static long GetDefinedWeakBits(INamedTypeSymbol? type, ISet<string> weakMemberNames)
    {
        long bits = 0;
        if (type is null)
        {
            return bits;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field
                && ProtocolBits.TryGetValue(field.ConstantValue, out var value))
            {
                bits |= value & ProtocolBits.Weak;
                if ((value & ProtocolBits.Weak) != 0)
                {
                    weakMemberNames.Add(field.Name);
                }
            }
        }

        return bits;
    }

    private static INamedTypeSymbol? GetEnum(Compilation compilation, string metadataName)
    {
        var type = compilation.FindType(metadataName);
        return type?.TypeKind == TypeKind.Enum ? type : null;
    }
}
