using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Recognizes certificate-validation delegate types (RemoteCertificateValidationCallback, HttpClientHandler's and
/// Kestrel's Func types): they return bool and take an SslPolicyErrors and a certificate or chain. The result is
/// cached per delegate type, because the rule checks every delegate parameter of every call in the compilation.
/// </summary>
internal sealed class ValidationDelegateShape
{
    private readonly INamedTypeSymbol sslPolicyErrors;
    private readonly INamedTypeSymbol? certificate;
    private readonly INamedTypeSymbol? certificate2;
    private readonly INamedTypeSymbol? chain;
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> cache = new(SymbolEqualityComparer.Default);

    private ValidationDelegateShape(
        INamedTypeSymbol sslPolicyErrors, INamedTypeSymbol? certificate, INamedTypeSymbol? certificate2, INamedTypeSymbol? chain)
    {
        this.sslPolicyErrors = sslPolicyErrors;
        this.certificate = certificate;
        this.certificate2 = certificate2;
        this.chain = chain;
    }

    public static ValidationDelegateShape Create(Compilation compilation, INamedTypeSymbol sslPolicyErrors) => new(
        sslPolicyErrors,
        compilation.GetTypeByMetadataName("System.Security.Cryptography.X509Certificates.X509Certificate"),
        compilation.GetTypeByMetadataName("System.Security.Cryptography.X509Certificates.X509Certificate2"),
        compilation.GetTypeByMetadataName("System.Security.Cryptography.X509Certificates.X509Chain"));

    public bool IsValidationDelegate(ITypeSymbol? type)
    {
        // Most parameter types are no delegates; rejecting them first keeps the dictionary lookup off the hot path.
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Delegate } named)
        {
            return false;
        }

        // LINQ and other generic APIs pass many constructed delegates such as Func<Order, bool>. Unless SslPolicyErrors
        // is one of the type arguments, the generic definition decides, and it is cheaper to hash and cache.
        if (!ReferenceEquals(named, named.OriginalDefinition) && !HasTypeArgument(named, sslPolicyErrors))
        {
            named = named.OriginalDefinition;
        }

        return cache.GetOrAdd(named, ComputeIsValidationDelegate);
    }

    private static bool HasTypeArgument(INamedTypeSymbol type, INamedTypeSymbol argument)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            foreach (var typeArgument in current.TypeArguments)
            {
                if (SymbolMatch.Is(typeArgument, argument))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // A Func<SslPolicyErrors, bool> that only filters log entries by error kind is no validation callback: a
    // callback that decides on a certificate also receives the certificate or its chain. A parameter typed object
    // counts as one, because user-defined callbacks often pass the certificate untyped.
    private bool ComputeIsValidationDelegate(INamedTypeSymbol type)
    {
        if (type.DelegateInvokeMethod is not { ReturnType.SpecialType: SpecialType.System_Boolean } invoke)
        {
            return false;
        }

        var hasErrors = false;
        var hasCertificateOrChain = false;
        foreach (var parameter in invoke.Parameters)
        {
            var parameterType = parameter.Type;
            hasErrors |= SymbolEqualityComparer.Default.Equals(parameterType, sslPolicyErrors);
            hasCertificateOrChain |= parameterType.SpecialType == SpecialType.System_Object
                || IsOneOf(parameterType, certificate, certificate2, chain);
        }

        return hasErrors && hasCertificateOrChain;
    }

    private static bool IsOneOf(ITypeSymbol type, INamedTypeSymbol? first, INamedTypeSymbol? second, INamedTypeSymbol? third) =>
        (first is not null && SymbolEqualityComparer.Default.Equals(type, first))
        || (second is not null && SymbolEqualityComparer.Default.Equals(type, second))
        || (third is not null && SymbolEqualityComparer.Default.Equals(type, third));
}
