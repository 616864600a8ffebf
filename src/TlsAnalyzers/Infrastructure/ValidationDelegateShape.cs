using System;
using System.Collections.Concurrent;
using System.Linq;
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
    private readonly ConcurrentDictionary<INamedTypeSymbol, DefinitionShape> definitionShapes =
        new(SymbolEqualityComparer.Default);

    // Kept as delegates: a method group passed to GetOrAdd would allocate a new delegate on every call.
    private readonly Func<INamedTypeSymbol, DefinitionShape> classifyDefinition;
    private readonly Func<INamedTypeSymbol, bool> computeIsValidationDelegate;

    private ValidationDelegateShape(
        INamedTypeSymbol sslPolicyErrors, INamedTypeSymbol? certificate, INamedTypeSymbol? certificate2, INamedTypeSymbol? chain)
    {
        this.sslPolicyErrors = sslPolicyErrors;
        this.certificate = certificate;
        this.certificate2 = certificate2;
        this.chain = chain;
        classifyDefinition = ClassifyDefinition;
        computeIsValidationDelegate = ComputeIsValidationDelegate;
    }

    // Where the assembly of SslPolicyErrors also declares RemoteCertificateValidationCallback (.NET Framework,
    // netstandard), the certificate types are read from its signature and from X509Chain.Build, so they belong to the
    // same framework. Elsewhere, as in .NET's reference assemblies and in projects that declare SslPolicyErrors
    // themselves, they are looked up by name.
    public static ValidationDelegateShape Create(Compilation compilation, INamedTypeSymbol sslPolicyErrors)
    {
        var callback = sslPolicyErrors.ContainingAssembly
            .GetTypeByMetadataName("System.Net.Security.RemoteCertificateValidationCallback")?.DelegateInvokeMethod;
        var certificate = Expect(callback?.Parameters.ElementAtOrDefault(1)?.Type, "X509Certificate")
            ?? compilation.FindType(CertificateNamespace + "X509Certificate");
        var chain = Expect(callback?.Parameters.ElementAtOrDefault(2)?.Type, "X509Chain")
            ?? compilation.FindType(CertificateNamespace + "X509Chain");
        var build = chain?.GetMembers("Build").OfType<IMethodSymbol>().FirstOrDefault();
        var certificate2 = Expect(build?.Parameters.FirstOrDefault()?.Type, "X509Certificate2")
            ?? compilation.FindType(CertificateNamespace + "X509Certificate2");
        return new(sslPolicyErrors, certificate, certificate2, chain);
    }

    private const string CertificateNamespace = "System.Security.Cryptography.X509Certificates.";

    // A type read from a signature counts only when it is the one expected, without its nullable annotation.
    private static INamedTypeSymbol? Expect(ITypeSymbol? type, string name) =>
        type is INamedTypeSymbol { Name: var actual } named && actual == name
            ? (INamedTypeSymbol)named.WithNullableAnnotation(NullableAnnotation.None)
            : null;

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
        if (!ReferenceEquals(named, definition))
        {
            var shape = definitionShapes.GetOrAdd(definition, classifyDefinition);
            if (shape == DefinitionShape.Never
                || (shape == DefinitionShape.ErrorsFromTypeArgument && !HasErrorsTypeArgument(named)))
            {
                return false;
            }
        }

        return cache.GetOrAdd(named, computeIsValidationDelegate);
    }

    private enum DefinitionShape
    {
        Never,
        Maybe,
        ErrorsFromTypeArgument,
    }

    // A generic definition can become a validation delegate when its Invoke method has room for the errors and a
    // certificate: at least two parameters, each a type parameter or already one of the wanted types. When no
    // parameter is SslPolicyErrors itself, a type argument has to be, which rules out Func<HttpContext, Func<Task>,
    // Task> and the other common two-parameter delegates without a lookup of the constructed type.
    private DefinitionShape ClassifyDefinition(INamedTypeSymbol definition)
    {
        if (definition.DelegateInvokeMethod is not { } invoke
            || invoke.Parameters.Length < 2
            || invoke.ReturnType is not ({ SpecialType: SpecialType.System_Boolean } or ITypeParameterSymbol))
        {
            return DefinitionShape.Never;
        }

        var mayHaveErrors = false;
        var hasErrors = false;
        var mayHaveCertificateOrChain = false;
        foreach (var parameter in invoke.Parameters)
        {
            var parameterType = parameter.Type;
            var open = parameterType is ITypeParameterSymbol;
            var errors = SymbolEqualityComparer.Default.Equals(parameterType, sslPolicyErrors);
            hasErrors |= errors;
            mayHaveErrors |= open || errors;
            mayHaveCertificateOrChain |= open || IsCertificateOrChain(parameterType);
        }

        if (!mayHaveErrors || !mayHaveCertificateOrChain)
        {
            return DefinitionShape.Never;
        }

        // A delegate nested in a generic type gets type arguments from its container too, so only a top-level
        // definition is sure to take the errors from its own type arguments.
        return hasErrors || definition.ContainingType is not null ? DefinitionShape.Maybe : DefinitionShape.ErrorsFromTypeArgument;
    }

    private bool HasErrorsTypeArgument(INamedTypeSymbol constructed)
    {
        foreach (var argument in constructed.TypeArguments)
        {
            if (SymbolMatch.Is(argument, sslPolicyErrors))
            {
                return true;
            }
        }

        return false;
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
