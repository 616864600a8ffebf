using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using TlsAnalyzers.Rules;
using TlsAnalyzers.Tests.Verifiers;
using Verify = TlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<TlsAnalyzers.Rules.EncryptionDisabledAnalyzer>;

namespace TlsAnalyzers.Tests.Rules;

public sealed class EncryptionDisabledAnalyzerTests
{
    public static TheoryData<string> ReferenceSetNames => new() { "Net80", "NetFramework48" };

    [Theory]
    [MemberData(nameof(ReferenceSetNames))]
    public async Task SslStreamConstructor_IsReported(string referenceSet)
    {
        const string source = """
            using System.IO;
            using System.Net.Security;

            class Client
            {
                SslStream Wrap(Stream inner) =>
                    new SslStream(inner, false, null, null, {|TLS009:EncryptionPolicy.NoEncryption|});
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, GetReferences(referenceSet));
    }

    [Theory]
    [MemberData(nameof(ReferenceSetNames))]
    public async Task AllowNoEncryption_InVariableAndReturn_IsReported(string referenceSet)
    {
        const string source = """
            using System.Net.Security;

            class Settings
            {
                const EncryptionPolicy Legacy = {|TLS009:EncryptionPolicy.AllowNoEncryption|};

                EncryptionPolicy Get()
                {
                    var policy = {|TLS009:EncryptionPolicy.AllowNoEncryption|};
                    return Legacy;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, GetReferences(referenceSet));
    }

    [Fact]
    public async Task OptionsProperties_AreReported()
    {
        const string source = """
            using System.Net.Security;

            class Options
            {
                void Configure(SslServerAuthenticationOptions server)
                {
                    var client = new SslClientAuthenticationOptions
                    {
                        EncryptionPolicy = {|TLS009:EncryptionPolicy.NoEncryption|},
                    };
                    server.EncryptionPolicy = {|TLS009:System.Net.Security.EncryptionPolicy.AllowNoEncryption|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CastAroundMember_IsReportedOnce()
    {
        const string source = """
            using System.Net.Security;

            class Server
            {
                EncryptionPolicy Policy() => (EncryptionPolicy)(int){|TLS009:EncryptionPolicy.NoEncryption|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ListOfWeakValues_OnlySearched_IsNotReported()
    {
        const string source = """
            using System.Linq;
            using System.Net.Security;

            class Server
            {
                bool IsWeak(EncryptionPolicy policy) => new[]
                {
                    EncryptionPolicy.NoEncryption,
                    EncryptionPolicy.AllowNoEncryption,
                }.Contains(policy);
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task StoredArrayOfWeakValues_IsReported()
    {
        const string source = """
            using System.Net.Security;

            class Server
            {
                static readonly EncryptionPolicy[] Allowed =
                {
                    EncryptionPolicy.RequireEncryption,
                    {|TLS009:EncryptionPolicy.AllowNoEncryption|},
                };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NumericCast_IsReportedWithMemberName()
    {
        const string source = """
            using System.Net.Security;

            class Options
            {
                void Configure(SslClientAuthenticationOptions client)
                {
                    client.EncryptionPolicy = {|#0:(EncryptionPolicy)2|};
                    client.EncryptionPolicy = (EncryptionPolicy)0;
                }
            }
            """;

        var test = Verify.CreateTest(source);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(EncryptionDisabledAnalyzer.Rule).WithLocation(0).WithArguments("NoEncryption"));
        await test.RunAsync();
    }

    [Fact]
    public async Task CastToNullable_IsReported()
    {
        const string source = """
            using System.Net.Security;

            class Options
            {
                EncryptionPolicy? Weak() => {|TLS009:(EncryptionPolicy?)2|};
                EncryptionPolicy? Strong() => (EncryptionPolicy?)0;
                EncryptionPolicy? Unset() => (EncryptionPolicy?)null;
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task EscapedMemberName_IsReported()
    {
        const string source = """
            using System.Net.Security;

            class Options
            {
                EncryptionPolicy Policy => {|TLS009:EncryptionPolicy.No\u0045ncryption|};
                EncryptionPolicy Other => {|TLS009:EncryptionPolicy.AllowNoEncryption|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task LambdaAndLocalFunctionParts_AreReported()
    {
        // Roslyn's operation actions do not visit these, so the rule binds each place that names a weak member.
        const string source = """
            using System;
            using System.Net.Security;

            sealed class PolicyAttribute : Attribute
            {
                public PolicyAttribute(EncryptionPolicy policy) { }
            }

            class Options
            {
                void M()
                {
                    var pick = (EncryptionPolicy p = {|TLS009:EncryptionPolicy.NoEncryption|}) => p;
                    [Policy({|TLS009:EncryptionPolicy.AllowNoEncryption|})] void Local() { }
                    Local();
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UsingStatic_IsReported()
    {
        const string source = """
            using static System.Net.Security.EncryptionPolicy;

            class Options
            {
                System.Net.Security.EncryptionPolicy Policy => {|TLS009:NoEncryption|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [MemberData(nameof(ReferenceSetNames))]
    public async Task ComparisonsAndTests_AreNotReported(string referenceSet)
    {
        const string source = """
            using System;
            using System.Net.Security;

            class Guard
            {
                void Check(EncryptionPolicy policy)
                {
                    if (policy == EncryptionPolicy.NoEncryption || policy != EncryptionPolicy.AllowNoEncryption) { }
                    if (policy is EncryptionPolicy.NoEncryption) { }
                    switch (policy)
                    {
                        case EncryptionPolicy.AllowNoEncryption:
                            throw new NotSupportedException();
                    }

                    var name = nameof(EncryptionPolicy.NoEncryption);
                    var bad = policy == (EncryptionPolicy)2;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, GetReferences(referenceSet));
    }

    [Fact]
    public async Task GeneratedCode_IsReported()
    {
        const string source = """
            // <auto-generated/>
            using System.Net.Security;

            class GeneratedClient
            {
                EncryptionPolicy Policy => {|TLS009:EncryptionPolicy.NoEncryption|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task RequireEncryption_IsNotReported()
    {
        const string source = """
            using System.IO;
            using System.Net.Security;

            class Client
            {
                SslStream Wrap(Stream inner) => new SslStream(inner, false, null, null, EncryptionPolicy.RequireEncryption);
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UserEnumWithSameName_IsNotReported()
    {
        const string source = """
            namespace MyCompany.Net
            {
                enum EncryptionPolicy { RequireEncryption, AllowNoEncryption, NoEncryption }

                class Settings
                {
                    EncryptionPolicy Policy => EncryptionPolicy.NoEncryption;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CompilationWithoutSystemDll_ReportsNothing()
    {
        const string source = """
            class Settings
            {
                int Policy => 2;
            }
            """;

        var mscorlibOnly = ReferenceSets.NetFramework48.WithAssemblies(ImmutableArray.Create("mscorlib"));
        await Verify.VerifyAnalyzerAsync(source, mscorlibOnly);
    }

    [Fact]
    public async Task BrokenCode_DoesNotThrow()
    {
        const string source = """
            using System.IO;
            using System.Net.Security;

            class Client
            {
                void Connect(Stream inner)
                {
                    var unclosed = new SslStream(inner, false, null, null, {|TLS009:EncryptionPolicy.NoEncryption|}{|CS1026:;|}
                    var unknown = EncryptionPolicy.{|CS0117:Nothing|};
                    var cast = {|CS0030:(EncryptionPolicy)"two"|};
                    var mistyped = new SslStream({|CS1503:{|TLS009:EncryptionPolicy.AllowNoEncryption|}|});
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    private static ReferenceAssemblies GetReferences(string name) =>
        name == "Net80" ? ReferenceSets.Net80 : ReferenceSets.NetFramework48;
}
