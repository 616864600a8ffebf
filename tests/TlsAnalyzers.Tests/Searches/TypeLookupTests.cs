using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using TlsAnalyzers.Infrastructure;
using TlsAnalyzers.Tests.Verifiers;

namespace TlsAnalyzers.Tests.Searches;

/// <summary>
/// TypeLookup finds types in the merged global namespace and must return what GetTypeByMetadataName returns.
/// </summary>
public sealed class TypeLookupTests
{
    // Every type the analyzers look up, and one that exists nowhere.
    private static readonly string[] MetadataNames =
    [
        "System.AppContext",
        "System.Net.SecurityProtocolType",
        "System.Net.Http.HttpClientHandler",
        "System.Net.Security.CipherSuitesPolicy",
        "System.Net.Security.EncryptionPolicy",
        "System.Net.Security.RemoteCertificateValidationCallback",
        "System.Net.Security.SslPolicyErrors",
        "System.Net.Security.SslServerAuthenticationOptions",
        "System.Net.Security.SslStream",
        "System.Net.Security.TlsCipherSuite",
        "System.Security.Authentication.SslProtocols",
        "System.Security.Cryptography.X509Certificates.X509Certificate",
        "System.Security.Cryptography.X509Certificates.X509Certificate2",
        "System.Security.Cryptography.X509Certificates.X509Chain",
        "System.Security.Cryptography.X509Certificates.X509RevocationMode",
        "Microsoft.AspNetCore.Authentication.Certificate.CertificateAuthenticationExtensions",
        "Microsoft.AspNetCore.Builder.HstsBuilderExtensions",
        "Microsoft.AspNetCore.Builder.HttpsPolicyBuilderExtensions",
        "Microsoft.AspNetCore.Hosting.ListenOptionsHttpsExtensions",
        "Microsoft.AspNetCore.HttpsPolicy.HstsOptions",
        "Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions",
        "Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions",
        "Microsoft.Net.Http.Headers.HeaderNames",
        "System.Net.Security.NoSuchType",
        "No.Such.Namespace.Type",
        "TopLevelType",
    ];

    public static TheoryData<string> ReferenceSetNames => new() { "AspNetCore80", "NetFramework48", "NetStandard20" };

    [Theory]
    [MemberData(nameof(ReferenceSetNames))]
    public async Task FrameworkTypes_MatchCompilationLookup(string referenceSet)
    {
        var references = referenceSet switch
        {
            "AspNetCore80" => ReferenceSets.AspNetCore80,
            "NetFramework48" => ReferenceSets.NetFramework48,
            _ => ReferenceSets.NetStandard20,
        };
        var compilation = await CreateAsync(references, "class TopLevelType { }");

        foreach (var name in MetadataNames)
        {
            Assert.True(
                SymbolEqualityComparer.Default.Equals(compilation.GetTypeByMetadataName(name), compilation.FindType(name)),
                name);
        }

        Assert.NotNull(compilation.FindType("System.Net.Security.SslStream"));
        Assert.Null(compilation.FindType("No.Such.Namespace.Type"));
    }

    [Fact]
    public async Task SourceType_WinsOverReference()
    {
        var compilation = await CreateAsync(
            ReferenceSets.AspNetCore80, "namespace System.Net.Security { public class SslStream { } }");

        var type = compilation.FindType("System.Net.Security.SslStream");

        Assert.NotNull(type);
        Assert.Equal(compilation.Assembly, type!.ContainingAssembly, SymbolEqualityComparer.Default);
        Assert.Equal(compilation.GetTypeByMetadataName("System.Net.Security.SslStream"), type, SymbolEqualityComparer.Default);
    }

    // A file-local type has a longer metadata name, so GetTypeByMetadataName returns the referenced type.
    [Fact]
    public async Task FileLocalSourceType_MatchesCompilationLookup()
    {
        var compilation = await CreateAsync(
            ReferenceSets.AspNetCore80, "namespace System.Security.Authentication { file enum SslProtocols { None = 0 } }");

        var type = compilation.FindType("System.Security.Authentication.SslProtocols");

        Assert.NotNull(type);
        Assert.Equal(compilation.GetTypeByMetadataName("System.Security.Authentication.SslProtocols"), type, SymbolEqualityComparer.Default);
        Assert.NotEqual(compilation.Assembly, type!.ContainingAssembly, SymbolEqualityComparer.Default);
    }

    // Two source types of one name do not compile (CS0101). FindType still returns what GetTypeByMetadataName returns.
    [Fact]
    public async Task TwoSourceTypes_MatchCompilationLookup()
    {
        var compilation = await CreateAsync(
            ReferenceSets.AspNetCore80,
            "namespace System.Net.Security { public class SslStream { } public struct SslStream { } }");

        Assert.Equal(
            compilation.GetTypeByMetadataName("System.Net.Security.SslStream"),
            compilation.FindType("System.Net.Security.SslStream"),
            SymbolEqualityComparer.Default);
    }

    // Two referenced assemblies declare a public type of the same name. FindType returns what GetTypeByMetadataName returns.
    [Fact]
    public async Task TwoReferences_MatchCompilationLookup()
    {
        var first = EmitLibrary("First", "namespace Shared { public class Thing { } }");
        var second = EmitLibrary("Second", "namespace Shared { public class Thing { } }");
        var compilation = (await CreateAsync(ReferenceSets.AspNetCore80, "class C { }")).AddReferences(first, second);

        Assert.Equal(
            compilation.GetTypeByMetadataName("Shared.Thing"), compilation.FindType("Shared.Thing"), SymbolEqualityComparer.Default);
    }

    // The global namespace leaves out an assembly referenced under an extern alias, and GetTypeByMetadataName does not.
    [Fact]
    public async Task AliasedReference_MatchesCompilationLookup()
    {
        var aliased = EmitLibrary("Aliased", "namespace Hidden { public class Thing { } }")
            .WithAliases(ImmutableArray.Create("hidden"));
        var compilation = (await CreateAsync(ReferenceSets.AspNetCore80, "class C { }")).AddReferences(aliased);

        Assert.Equal(
            compilation.GetTypeByMetadataName("Hidden.Thing"), compilation.FindType("Hidden.Thing"), SymbolEqualityComparer.Default);
    }

    [Fact]
    public async Task InternalType_MatchesCompilationLookup()
    {
        var library = EmitLibrary("Library", "namespace Inner { internal class Thing { } }");
        var compilation = (await CreateAsync(ReferenceSets.AspNetCore80, "class C { }")).AddReferences(library);

        Assert.Equal(
            compilation.GetTypeByMetadataName("Inner.Thing"), compilation.FindType("Inner.Thing"), SymbolEqualityComparer.Default);
    }

    [Fact]
    public async Task NestedAndGeneric_MatchCompilationLookup()
    {
        var compilation = await CreateAsync(ReferenceSets.AspNetCore80, "class C { }");

        foreach (var name in new[] { "System.Collections.Generic.List`1", "System.Environment+SpecialFolder" })
        {
            var expected = compilation.GetTypeByMetadataName(name);
            Assert.NotNull(expected);
            Assert.Equal(expected, compilation.FindType(name), SymbolEqualityComparer.Default);
        }
    }

    private static async Task<CSharpCompilation> CreateAsync(ReferenceAssemblies referenceAssemblies, string source)
    {
        var references = await referenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return CSharpCompilation.Create(
            "Lookup",
            [CSharpSyntaxTree.ParseText(source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    private static PortableExecutableReference EmitLibrary(string name, string source)
    {
        var library = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new System.IO.MemoryStream();
        var result = library.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
