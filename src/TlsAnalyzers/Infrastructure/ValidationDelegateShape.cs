using System;
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
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> candidateDefinitions =
        new(SymbolEqualityComparer.Default);

    // Kept as delegates: a method group passed to GetOrAdd would allocate a new delegate on every call.
    private readonly Func<INamedTypeSymbol, bool> mayBeValidationDelegate;
    private readonly Func<INamedTypeSymbol, bool> computeIsValidationDelegate;

    private ValidationDelegateShape(
        INamedTypeSymbol sslPolicyErrors, INamedTypeSymbol? certificate, INamedTypeSymbol? certificate2, INamedTypeSymbol? chain)
    {
        this.sslPolicyErrors = sslPolicyErrors;
        this.certificate = certificate;
        this.certificate2 = certificate2;
        this.chain = chain;
        mayBeValidationDelegate = MayBeValidationDelegate;
        computeIsValidationDelegate = ComputeIsValidationDelegate;
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

        // Most constructed delegates, such as LINQ's Func<Order, bool>, are ruled out by their generic definition
        // (Func<T, TResult> has one parameter), which is cheaper to hash than the constructed type.
        var definition = named.OriginalDefinition;
        if (!ReferenceEquals(named, definition) && !candidateDefinitions.GetOrAdd(definition, mayBeValidationDelegate))
        {
            return false;
        }

        return cache.GetOrAdd(named, computeIsValidationDelegate);
    }

    // A generic definition can become a validation delegate when its Invoke method has room for the errors and a
    // certificate: at least two parameters, each a type parameter or already one of the wanted types.
    private bool MayBeValidationDelegate(INamedTypeSymbol definition)
    {
        if (definition.DelegateInvokeMethod is not { } invoke
            || invoke.Parameters.Length < 2
            || invoke.ReturnType is not ({ SpecialType: SpecialType.System_Boolean } or ITypeParameterSymbol))
        {
            return false;
        }

        var mayHaveErrors = false;
        var mayHaveCertificateOrChain = false;
        foreach (var parameter in invoke.Parameters)
        {
            var parameterType = parameter.Type;
            var open = parameterType is ITypeParameterSymbol;
            mayHaveErrors |= open || SymbolEqualityComparer.Default.Equals(parameterType, sslPolicyErrors);
            mayHaveCertificateOrChain |= open || IsCertificateOrChain(parameterType);
        }

        return mayHaveErrors && mayHaveCertificateOrChain;
    }

    // A Func<SslPolicyErrors, bool> that only filters log entries by error kind is no validation callback: a
    // callback that decides on a certificate also receives the certificate or its chain. A parameter typed object or
    // dynamic counts as one, because user-defined callbacks often pass the certificate untyped.
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
            hasCertificateOrChain |= IsCertificateOrChain(parameterType);
        }

        return hasErrors && hasCertificateOrChain;
    }

    private bool IsCertificateOrChain(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_Object
        || type.TypeKind == TypeKind.Dynamic
        || IsOneOf(type, certificate, certificate2, chain);

    private static bool IsOneOf(ITypeSymbol type, INamedTypeSymbol? first, INamedTypeSymbol? second, INamedTypeSymbol? third) =>
        (first is not null && SymbolEqualityComparer.Default.Equals(type, first))
        || (second is not null && SymbolEqualityComparer.Default.Equals(type, second))
        || (third is not null && SymbolEqualityComparer.Default.Equals(type, third));
}
