using System.Threading.Tasks;
using TlsAnalyzers.CodeFixes.Rules;
using TlsAnalyzers.Infrastructure;
using Verify = TlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    TlsAnalyzers.Rules.WeakCipherSuiteAnalyzer,
    TlsAnalyzers.CodeFixes.Rules.WeakCipherSuiteFixer>;

namespace TlsAnalyzers.Tests.Rules;

public sealed class WeakCipherSuiteFixerTests
{
    [Fact]
    public async Task RemoveWeak_RemovesEveryWeakSuiteOfList()
    {
        var source = """
            using System.Net.Security;

            class Server
            {
                CipherSuitesPolicy Create() => new CipherSuitesPolicy(new[]
                {
                    TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                    {|TLS005:TlsCipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256|},
                    TlsCipherSuite.TLS_AES_256_GCM_SHA384,
                    {|TLS005:TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA|},
                });
            }
            """;
        var fixedSource = """
            using System.Net.Security;

            class Server
            {
                CipherSuitesPolicy Create() => new CipherSuitesPolicy(new[]
                {
                    TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                    TlsCipherSuite.TLS_AES_256_GCM_SHA384,
                });
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, WeakCipherSuiteFixer.RemoveWeakKey);
    }

    [Fact]
    public async Task RemoveWeak_IsFirstFixOffered()
    {
        var source = """
            using System.Net.Security;

            class Server
            {
                CipherSuitesPolicy Create() => new CipherSuitesPolicy(
                    new[] { TlsCipherSuite.TLS_AES_128_GCM_SHA256, {|TLS005:TlsCipherSuite.TLS_RSA_WITH_RC4_128_SHA|} });
            }
            """;
        var fixedSource = """
            using System.Net.Security;

            class Server
            {
                CipherSuitesPolicy Create() => new CipherSuitesPolicy(
                    new[] { TlsCipherSuite.TLS_AES_128_GCM_SHA256 });
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, equivalenceKey: null);
    }

    [Fact]
    public async Task RemoveWeak_CollectionExpression()
    {
        var source = """
            using System.Net.Security;

            class Server
            {
                CipherSuitesPolicy Create() => new CipherSuitesPolicy(
                    [{|TLS005:TlsCipherSuite.TLS_DHE_RSA_WITH_AES_256_CBC_SHA256|}, TlsCipherSuite.TLS_AES_256_GCM_SHA384]);
            }
            """;
        var fixedSource = """
            using System.Net.Security;

            class Server
            {
                CipherSuitesPolicy Create() => new CipherSuitesPolicy(
                    [TlsCipherSuite.TLS_AES_256_GCM_SHA384]);
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, WeakCipherSuiteFixer.RemoveWeakKey);
    }

    [Fact]
    public async Task RemoveWeak_AddCallOnLocalList()
    {
        var source = """
            using System.Collections.Generic;
            using System.Net.Security;

            class Server
            {
                CipherSuitesPolicy Create()
                {
                    var suites = new List<TlsCipherSuite>();
                    suites.Add(TlsCipherSuite.TLS_AES_128_GCM_SHA256);
                    suites.Add({|TLS005:TlsCipherSuite.TLS_PSK_WITH_AES_128_GCM_SHA256|});
                    suites.Add({|TLS005:TlsCipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA|});
                    return new CipherSuitesPolicy(suites);
                }
            }
            """;
        var fixedSource = """
            using System.Collections.Generic;
            using System.Net.Security;

            class Server
            {
                CipherSuitesPolicy Create()
                {
                    var suites = new List<TlsCipherSuite>();
                    suites.Add(TlsCipherSuite.TLS_AES_128_GCM_SHA256);
                    return new CipherSuitesPolicy(suites);
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, WeakCipherSuiteFixer.RemoveWeakKey);
    }

    [Fact]
    public async Task UseProfile_ReplacesList()
    {
        var source = """
            using System.Net.Security;

            class Server
            {
                private static readonly TlsCipherSuite[] Suites =
                {
                    {|TLS005:TlsCipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA|},
                    {|TLS005:TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA|},
                };

                CipherSuitesPolicy Create() => new CipherSuitesPolicy(Suites);
            }
            """;
        var fixedSource = $$"""
            using System.Net.Security;

            class Server
            {
                private static readonly TlsCipherSuite[] Suites =
                {
            {{CipherSuiteTestText.Lines("        ")}}
                };

                CipherSuitesPolicy Create() => new CipherSuitesPolicy(Suites);
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, WeakCipherSuiteFixer.UseProfileKey);
    }

    [Fact]
    public async Task UseProfile_WhenNoStrongSuiteRemains()
    {
        var source = """
            using System.Net.Security;

            class Server
            {
                CipherSuitesPolicy Create() => new CipherSuitesPolicy([{|TLS005:TlsCipherSuite.TLS_RSA_WITH_RC4_128_MD5|}]);
            }
            """;
        var fixedSource = """
            using System.Net.Security;

            class Server
            {
                CipherSuitesPolicy Create() => new CipherSuitesPolicy([TlsCipherSuite.TLS_AES_128_GCM_SHA256, TlsCipherSuite.TLS_AES_256_GCM_SHA384, TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256]);
            }
            """;

        var test = Verify.CreateTest(source, fixedSource, equivalenceKey: null);
        test.AddEditorConfig($"{CipherSuiteProfile.OptionKey} = modern");
        await test.RunAsync();
    }

    [Fact]
    public async Task UseProfile_AddsUsing()
    {
        var source = """
            class Server
            {
                System.Net.Security.CipherSuitesPolicy Create() => new System.Net.Security.CipherSuitesPolicy(new[]
                {
                    {|TLS005:System.Net.Security.TlsCipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256|},
                });
            }
            """;
        var fixedSource = $$"""
            using System.Net.Security;

            class Server
            {
                System.Net.Security.CipherSuitesPolicy Create() => new System.Net.Security.CipherSuitesPolicy(new[]
                {
            {{CipherSuiteTestText.Lines("        ")}}
                });
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, WeakCipherSuiteFixer.UseProfileKey);
    }

    [Fact]
    public async Task FixAll_FixesListsInSeveralPolicies()
    {
        var source = """
            using System.Net.Security;

            class Server
            {
                CipherSuitesPolicy First() => new CipherSuitesPolicy(new[]
                {
                    TlsCipherSuite.TLS_AES_128_GCM_SHA256,
                    {|TLS005:TlsCipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256|},
                    {|TLS005:TlsCipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384|},
                });

                CipherSuitesPolicy Second() => new CipherSuitesPolicy(
                    [TlsCipherSuite.TLS_AES_256_GCM_SHA384, {|TLS005:TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA|}]);
            }
            """;
        var fixedSource = """
            using System.Net.Security;

            class Server
            {
                CipherSuitesPolicy First() => new CipherSuitesPolicy(new[]
                {
                    TlsCipherSuite.TLS_AES_128_GCM_SHA256,
                });

                CipherSuitesPolicy Second() => new CipherSuitesPolicy(
                    [TlsCipherSuite.TLS_AES_256_GCM_SHA384]);
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, WeakCipherSuiteFixer.RemoveWeakKey);
    }
}
