using System.Threading.Tasks;
using TlsAnalyzers.CodeFixes.Rules;
using Verify = TlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    TlsAnalyzers.Rules.RenegotiationAllowedAnalyzer, TlsAnalyzers.CodeFixes.Rules.RenegotiationAllowedFixer>;

namespace TlsAnalyzers.Tests.Rules;

public sealed class RenegotiationAllowedFixerTests
{
    [Fact]
    public async Task Initializer_SetsFalseAndKeepsComment()
    {
        const string source = """
            using System.Net.Security;

            class Server
            {
                SslServerAuthenticationOptions Create() => new SslServerAuthenticationOptions
                {
                    {|TLS008:AllowRenegotiation = true|}, // legacy clients
                };
            }
            """;
        const string fixedSource = """
            using System.Net.Security;

            class Server
            {
                SslServerAuthenticationOptions Create() => new SslServerAuthenticationOptions
                {
                    AllowRenegotiation = false, // legacy clients
                };
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, RenegotiationAllowedFixer.DisallowRenegotiationKey);
    }

    [Fact]
    public async Task FixAll_SetsEveryAssignmentToFalse()
    {
        const string source = """
            using System.Net.Security;

            class Server
            {
                const bool Legacy = true;

                void Configure(SslServerAuthenticationOptions first, SslServerAuthenticationOptions second)
                {
                    {|TLS008:first.AllowRenegotiation = true|};
                    {|TLS008:second.AllowRenegotiation = Legacy|};
                    var third = new SslServerAuthenticationOptions { {|TLS008:AllowRenegotiation = true|} };
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Security;

            class Server
            {
                const bool Legacy = true;

                void Configure(SslServerAuthenticationOptions first, SslServerAuthenticationOptions second)
                {
                    first.AllowRenegotiation = false;
                    second.AllowRenegotiation = false;
                    var third = new SslServerAuthenticationOptions { AllowRenegotiation = false };
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, RenegotiationAllowedFixer.DisallowRenegotiationKey);
    }

    [Fact]
    public async Task OrAssignment_BecomesAssignmentOfFalse()
    {
        // `|= false` would keep whatever value the property had, so the fix assigns false outright.
        const string source = """
            using System.Net.Security;

            class Server
            {
                void Configure(SslServerAuthenticationOptions options)
                {
                    // Legacy clients renegotiate.
                    {|TLS008:options.AllowRenegotiation |= /* old */ true|}; // see the runbook
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Security;

            class Server
            {
                void Configure(SslServerAuthenticationOptions options)
                {
                    // Legacy clients renegotiate.
                    options.AllowRenegotiation = /* old */ false; // see the runbook
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, RenegotiationAllowedFixer.DisallowRenegotiationKey);
    }

    [Fact]
    public async Task NestedAndChainedAssignments_SetFalse()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Net.Security;

            class Server
            {
                const bool Allow = true;

                List<SslServerAuthenticationOptions> all = new() { new() { {|TLS008:AllowRenegotiation = !false|} } };

                void Configure(SslServerAuthenticationOptions first, SslServerAuthenticationOptions second)
                {
                    first.AllowRenegotiation = {|TLS008:second.AllowRenegotiation = /* legacy */ Allow|} /* why */;
                }
            }
            """;
        const string fixedSource = """
            using System.Collections.Generic;
            using System.Net.Security;

            class Server
            {
                const bool Allow = true;

                List<SslServerAuthenticationOptions> all = new() { new() { AllowRenegotiation = false } };

                void Configure(SslServerAuthenticationOptions first, SslServerAuthenticationOptions second)
                {
                    first.AllowRenegotiation = second.AllowRenegotiation = /* legacy */ false /* why */;
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, RenegotiationAllowedFixer.DisallowRenegotiationKey);
    }

    [Fact]
    public async Task DefaultFix_IsDisallowRenegotiation()
    {
        const string source = """
            using System.Net.Security;

            class Server
            {
                void Configure(SslServerAuthenticationOptions options) => {|TLS008:options.AllowRenegotiation = true|};
            }
            """;
        const string fixedSource = """
            using System.Net.Security;

            class Server
            {
                void Configure(SslServerAuthenticationOptions options) => options.AllowRenegotiation = false;
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }
}
