using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using TlsAnalyzers.Infrastructure;
using TlsAnalyzers.Rules;
using TlsAnalyzers.Tests.Verifiers;
using Verify = TlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<TlsAnalyzers.Rules.WeakCipherSuiteAnalyzer>;

namespace TlsAnalyzers.Tests.Rules;

public sealed class WeakCipherSuiteAnalyzerTests
{
    [Fact]
    public async Task ArrayOfWeakSuites_EachReported()
    {
        var source = """
            using System.Net.Security;

            class Server
            {
                CipherSuitesPolicy Create() => new CipherSuitesPolicy(new[]
                {
                    TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                    {|TLS005:TlsCipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256|},
                    {|TLS005:TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA|},
                    {|TLS005:TlsCipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA|},
                });
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Message_NamesSuiteAndWeakness()
    {
        var source = """
            using System.Net.Security;

            class Server
            {
                CipherSuitesPolicy Create() => new CipherSuitesPolicy(new[] { {|#0:TlsCipherSuite.TLS_RSA_WITH_RC4_128_MD5|} });
            }
            """;

        var test = Verify.CreateTest(source);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(WeakCipherSuiteAnalyzer.Rule).WithLocation(0)
            .WithArguments("TLS_RSA_WITH_RC4_128_MD5", "no forward secrecy, RC4 cipher, MD5 MAC"));
        await test.RunAsync();
    }

    [Fact]
    public async Task CollectionExpression_Reported()
    {
        var source = """
            using System.Net.Security;

            class Server
            {
                CipherSuitesPolicy Create() => new CipherSuitesPolicy(
                    [TlsCipherSuite.TLS_AES_256_GCM_SHA384, {|TLS005:TlsCipherSuite.TLS_DHE_RSA_WITH_AES_256_CBC_SHA256|}]);
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ListBuiltInLocal_Reported()
    {
        var source = """
            using System.Collections.Generic;
            using System.Net.Security;

            class Server
            {
                CipherSuitesPolicy Create()
                {
                    var suites = new List<TlsCipherSuite> { TlsCipherSuite.TLS_AES_128_GCM_SHA256 };
                    suites.Add({|TLS005:TlsCipherSuite.TLS_PSK_WITH_AES_128_GCM_SHA256|});
                    suites.Add(TlsCipherSuite.TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256);
                    return new CipherSuitesPolicy(suites);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ListInField_ReportedOnce()
    {
        var source = """
            using System.Net.Security;

            class Server
            {
                private static readonly TlsCipherSuite[] Suites =
                {
                    TlsCipherSuite.TLS_AES_128_GCM_SHA256,
                    {|TLS005:TlsCipherSuite.TLS_ECDH_anon_WITH_AES_128_CBC_SHA|},
                };

                CipherSuitesPolicy First() => new CipherSuitesPolicy(Suites);

                CipherSuitesPolicy Second() => new CipherSuitesPolicy(Suites);
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task EscapedSuiteName_Reported()
    {
        var source = """
            using System.Net.Security;

            class Server
            {
                CipherSuitesPolicy Create() => new CipherSuitesPolicy(new[]
                {
                    TlsCipherSuite.TLS_AES_128_GCM_SHA256,
                    {|TLS005:TlsCipherSuite.\u0054LS_RSA_WITH_AES_128_GCM_SHA256|},
                });
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UsingStatic_Reported()
    {
        var source = """
            using System.Net.Security;
            using static System.Net.Security.TlsCipherSuite;

            class Server
            {
                CipherSuitesPolicy Create() => new CipherSuitesPolicy(
                    new[] { TLS_AES_128_GCM_SHA256, {|TLS005:TLS_RSA_WITH_AES_128_GCM_SHA256|} });
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task FieldInOtherFile_NotFollowed()
    {
        var suites = """
            using System.Net.Security;

            partial class Server
            {
                private static readonly TlsCipherSuite[] Suites = { TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA };
            }
            """;
        var policy = """
            using System.Net.Security;

            partial class Server
            {
                CipherSuitesPolicy Create() => new CipherSuitesPolicy(Suites);
            }
            """;

        var test = Verify.CreateTest(suites);
        test.TestState.Sources.Add(("/Policy.cs", policy));
        await test.RunAsync();
    }

    [Fact]
    public async Task AddRange_NotFollowed()
    {
        var source = """
            using System.Collections.Generic;
            using System.Net.Security;

            class Server
            {
                CipherSuitesPolicy Create()
                {
                    var suites = new List<TlsCipherSuite>();
                    suites.AddRange(new[] { TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA });
                    return new CipherSuitesPolicy(suites);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task StrongSuites_NotReported()
    {
        var source = """
            using System.Net.Security;

            class Server
            {
                CipherSuitesPolicy Create() => new CipherSuitesPolicy(new[]
                {
                    TlsCipherSuite.TLS_AES_128_GCM_SHA256,
                    TlsCipherSuite.TLS_AES_256_GCM_SHA384,
                    TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
                    TlsCipherSuite.TLS_AES_128_CCM_SHA256,
                    TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CCM,
                    TlsCipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,
                    TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
                });
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task SuiteOutsidePolicy_NotReported()
    {
        var source = """
            using System.Net.Security;

            class Server
            {
                bool IsLegacy(TlsCipherSuite suite) => suite == TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA;

                TlsCipherSuite[] Blocked = { TlsCipherSuite.TLS_RSA_WITH_RC4_128_SHA };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UserTypeWithSameName_NotReported()
    {
        var source = """
            namespace MyApp
            {
                enum TlsCipherSuite { TLS_RSA_WITH_RC4_128_SHA }

                class CipherSuitesPolicy
                {
                    public CipherSuitesPolicy(TlsCipherSuite[] suites) { }
                }

                class Server
                {
                    CipherSuitesPolicy Create() => new CipherSuitesPolicy(new[] { TlsCipherSuite.TLS_RSA_WITH_RC4_128_SHA });
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NetFramework48_WithoutPolicyType_NotReported()
    {
        var source = """
            class Server
            {
                object Create() => new object();
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, ReferenceSets.NetFramework48);
    }

    [Fact]
    public async Task BrokenCode_DoesNotThrow()
    {
        var source = """
            using System.Net.Security;

            class Server
            {
                CipherSuitesPolicy Create() => new CipherSuitesPolicy(new TlsCipherSuite[]
                {
                    {|TLS005:TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA|},
                    TlsCipherSuite.{|CS0117:TLS_UNKNOWN|},
                });

                CipherSuitesPolicy Missing() => new CipherSuitesPolicy({|CS0103:suites|});

                CipherSuitesPolicy NoArgument() => new {|CS7036:CipherSuitesPolicy|}();
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task InvalidProfile_ReportsInvalidOption()
    {
        var source = """
            using System.Net.Security;

            class Server
            {
                CipherSuitesPolicy Create() => new CipherSuitesPolicy(new[]
                {
                    {|TLS005:{|TLS000:TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA|}|},
                });
            }
            """;

        var test = Verify.CreateTest(source);
        test.AddEditorConfig($"{CipherSuiteProfile.OptionKey} = strict");
        await test.RunAsync();
    }

    [Theory]
    [InlineData("TLS_AES_128_GCM_SHA256", null)]
    [InlineData("TLS_AES_128_CCM_8_SHA256", null)]
    [InlineData("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", null)]
    [InlineData("TLS_DHE_PSK_WITH_CHACHA20_POLY1305_SHA256", null)]
    [InlineData("TLS_PSK_DHE_WITH_AES_128_CCM_8", null)]
    [InlineData("TLS_ECDHE_RSA_WITH_ARIA_128_GCM_SHA256", null)]
    [InlineData("TLS_RSA_WITH_AES_256_GCM_SHA384", "no forward secrecy")]
    [InlineData("TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256", "no forward secrecy")]
    [InlineData("TLS_RSA_PSK_WITH_AES_128_GCM_SHA256", "no forward secrecy")]
    [InlineData("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "CBC mode")]
    [InlineData("TLS_ECDHE_ECDSA_WITH_NULL_SHA", "NULL encryption, SHA-1 MAC")]
    [InlineData("TLS_DH_anon_WITH_AES_128_GCM_SHA256", "anonymous key exchange")]
    [InlineData("TLS_RSA_EXPORT_WITH_DES40_CBC_SHA", "export-grade, no forward secrecy, DES40 cipher, CBC mode, SHA-1 MAC")]
    [InlineData("TLS_KRB5_WITH_IDEA_CBC_MD5", "no forward secrecy, IDEA cipher, CBC mode, MD5 MAC")]
    [InlineData("TLS_NULL_WITH_NULL_NULL", "no forward secrecy, NULL encryption")]
    [InlineData("SSL_RSA_WITH_RC4_128_SHA", null)]
    public void Classifier_NamesWeakness(string name, string? expected)
    {
        Assert.Equal(expected, CipherSuiteClassifier.GetWeakness(name));
    }
}
