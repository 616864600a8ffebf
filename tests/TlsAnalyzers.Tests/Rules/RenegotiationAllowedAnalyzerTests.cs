using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using TlsAnalyzers.Rules;
using TlsAnalyzers.Tests.Verifiers;
using Verify = TlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<TlsAnalyzers.Rules.RenegotiationAllowedAnalyzer>;

namespace TlsAnalyzers.Tests.Rules;

public sealed class RenegotiationAllowedAnalyzerTests
{
    [Fact]
    public async Task ObjectInitializer_TrueIsReported()
    {
        const string source = """
            using System.Net.Security;

            class Server
            {
                SslServerAuthenticationOptions Create() => new SslServerAuthenticationOptions
                {
                    {|TLS008:AllowRenegotiation = true|},
                };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task PropertyAssignment_TrueIsReported()
    {
        const string source = """
            using System.Net.Security;

            class Server
            {
                void Configure(SslServerAuthenticationOptions options)
                {
                    {|TLS008:options.AllowRenegotiation = true|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ConstantTrue_IsReportedWithItsName()
    {
        const string source = """
            using System.Net.Security;

            class Server
            {
                const bool LegacyClients = true;

                void Configure(SslServerAuthenticationOptions options)
                {
                    {|#0:options.AllowRenegotiation = LegacyClients|};
                }
            }
            """;

        var test = Verify.CreateTest(source);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RenegotiationAllowedAnalyzer.Rule).WithLocation(0).WithArguments("LegacyClients"));
        await test.RunAsync();
    }

    [Fact]
    public async Task KestrelOnAuthenticate_IsReported()
    {
        const string source = """
            using Microsoft.AspNetCore.Server.Kestrel.Https;

            class Startup
            {
                void Configure(HttpsConnectionAdapterOptions https)
                {
                    https.OnAuthenticate = (connection, sslOptions) =>
                    {
                        {|TLS008:sslOptions.AllowRenegotiation = true|};
                    };
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public async Task Message_NamesValue()
    {
        const string source = """
            using System.Net.Security;

            class Server
            {
                void Configure(SslServerAuthenticationOptions options) => {|#0:options.AllowRenegotiation = true|};
            }
            """;

        var test = Verify.CreateTest(source);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RenegotiationAllowedAnalyzer.Rule).WithLocation(0).WithArguments("true"));
        await test.RunAsync();

        var message = RenegotiationAllowedAnalyzer.Rule.MessageFormat.ToString(null);
        Assert.Contains("AllowRenegotiation", message);
    }

    [Fact]
    public async Task FalseAndNonConstant_AreNotReported()
    {
        const string source = """
            using System.Net.Security;

            class Server
            {
                void Configure(SslServerAuthenticationOptions options, bool fromConfiguration)
                {
                    options.AllowRenegotiation = false;
                    options.AllowRenegotiation = fromConfiguration;
                    var current = options.AllowRenegotiation;
                    if (options.AllowRenegotiation == true) { }
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task EscapedPropertyName_IsReported()
    {
        const string source = """
            using System.Net.Security;

            class Server
            {
                void Configure(SslServerAuthenticationOptions options)
                {
                    {|TLS008:options.Allow\u0052enegotiation = true|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task OrAssignmentOfTrue_IsReported()
    {
        const string source = """
            using System.Net.Security;

            class Server
            {
                void Configure(SslServerAuthenticationOptions options, bool fromConfiguration)
                {
                    {|TLS008:options.AllowRenegotiation |= true|};
                    options.AllowRenegotiation |= fromConfiguration;
                    options.AllowRenegotiation |= false;
                    options.AllowRenegotiation &= true;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task DeconstructionAndChainedAssignment_ReportOnlyTheLiteral()
    {
        // Pins today's behaviour: a deconstruction is not followed, and in a chain only the assignment that holds
        // the constant is reported.
        const string source = """
            using System.Net.Security;

            class Server
            {
                void Configure(SslServerAuthenticationOptions first, SslServerAuthenticationOptions second)
                {
                    int port;
                    (first.AllowRenegotiation, port) = (true, 443);
                    first.AllowRenegotiation = {|TLS008:second.AllowRenegotiation = true|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ClientOptions_AreNotReported()
    {
        const string source = """
            using System.Net.Security;

            class Client
            {
                SslClientAuthenticationOptions Create() => new SslClientAuthenticationOptions { AllowRenegotiation = true };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UserTypeWithSameName_IsNotReported()
    {
        const string source = """
            namespace MyCompany.Net
            {
                class SslServerAuthenticationOptions
                {
                    public bool AllowRenegotiation { get; set; }
                }

                class Server
                {
                    SslServerAuthenticationOptions Create() => new SslServerAuthenticationOptions { AllowRenegotiation = true };
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NetFramework_WithoutOptionsType_ReportsNothing()
    {
        const string source = """
            class SslServerAuthenticationOptions
            {
                public bool AllowRenegotiation { get; set; }
            }

            class Server
            {
                void Configure(SslServerAuthenticationOptions options) => options.AllowRenegotiation = true;
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, ReferenceSets.NetFramework48);
    }

    [Fact]
    public async Task BrokenCode_DoesNotThrow()
    {
        const string source = """
            using System.Net.Security;

            class Server
            {
                void Configure(SslServerAuthenticationOptions options)
                {
                    options.AllowRenegotiation = {|CS1525:;|}
                    {|TLS008:options.AllowRenegotiation = true|}{|CS1002:|}
                    options.{|CS1061:AllowRenegotiations|} = true;
                    {|CS0103:unknown|}.AllowRenegotiation = true;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }
}
