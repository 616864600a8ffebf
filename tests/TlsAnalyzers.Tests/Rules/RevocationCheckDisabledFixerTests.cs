using System.Threading.Tasks;
using TlsAnalyzers.CodeFixes.Rules;
using TlsAnalyzers.Tests.Verifiers;
using Verify = TlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    TlsAnalyzers.Rules.RevocationCheckDisabledAnalyzer,
    TlsAnalyzers.CodeFixes.Rules.RevocationCheckDisabledFixer>;

namespace TlsAnalyzers.Tests.Rules;

public sealed class RevocationCheckDisabledFixerTests
{
    private const string Key = RevocationCheckDisabledFixer.EquivalenceKey;

    [Fact]
    public Task BooleanSwitches_BecomeTrue()
    {
        var source = """
            using System.IO;
            using System.Net;
            using System.Net.Http;
            using System.Net.Security;
            using System.Security.Authentication;

            class C
            {
                void M()
                {
                    var handler = new HttpClientHandler { {|TLS003:CheckCertificateRevocationList = false|} /* for now */ };
                    {|TLS003:ServicePointManager.CheckCertificateRevocationList = false|};
                    new SslStream(Stream.Null).AuthenticateAsClient("host", null, SslProtocols.None, {|TLS003:false|});
                }
            }
            """;
        var fixedSource = """
            using System.IO;
            using System.Net;
            using System.Net.Http;
            using System.Net.Security;
            using System.Security.Authentication;

            class C
            {
                void M()
                {
                    var handler = new HttpClientHandler { CheckCertificateRevocationList = true /* for now */ };
                    ServicePointManager.CheckCertificateRevocationList = true;
                    new SslStream(Stream.Null).AuthenticateAsClient("host", null, SslProtocols.None, true);
                }
            }
            """;
        return Verify.VerifyCodeFixAsync(source, fixedSource, Key);
    }

    [Fact]
    public Task NoCheck_BecomesOnline_AndAddsUsing()
    {
        var source = """
            using System.Net.Http;
            using System.Net.Security;

            class C
            {
                void M()
                {
                    var handler = new SocketsHttpHandler
                    {
                        SslOptions = { {|TLS003:CertificateRevocationCheckMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck|} },
                    };
                    var server = new SslServerAuthenticationOptions { {|TLS003:CertificateRevocationCheckMode = 0|} };
                }
            }
            """;
        var fixedSource = """
            using System.Net.Http;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;

            class C
            {
                void M()
                {
                    var handler = new SocketsHttpHandler
                    {
                        SslOptions = { CertificateRevocationCheckMode = X509RevocationMode.Online },
                    };
                    var server = new SslServerAuthenticationOptions { CertificateRevocationCheckMode = X509RevocationMode.Online };
                }
            }
            """;
        return Verify.VerifyCodeFixAsync(source, fixedSource, Key);
    }

    [Fact]
    public Task ChainPolicyNoCheck_BecomesOnline()
    {
        var source = """
            using System.Security.Cryptography.X509Certificates;

            class C
            {
                void M(X509Chain chain)
                {
                    // Built for the partner's certificate.
                    {|TLS003:chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck|};
                    var policy = new X509ChainPolicy { {|TLS003:RevocationMode = X509RevocationMode.NoCheck|} };
                }
            }
            """;
        var fixedSource = """
            using System.Security.Cryptography.X509Certificates;

            class C
            {
                void M(X509Chain chain)
                {
                    // Built for the partner's certificate.
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.Online;
                    var policy = new X509ChainPolicy { RevocationMode = X509RevocationMode.Online };
                }
            }
            """;
        return Verify.VerifyCodeFixAsync(source, fixedSource, Key);
    }

    [Fact]
    public Task Kestrel_CheckCertificateRevocation_BecomesTrue()
    {
        var source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;

            class C
            {
                void M(WebApplicationBuilder builder) => builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(
                    https => {|TLS003:https.CheckCertificateRevocation = false|}));
            }
            """;
        var fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;

            class C
            {
                void M(WebApplicationBuilder builder) => builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(
                    https => https.CheckCertificateRevocation = true));
            }
            """;
        return Verify.VerifyCodeFixAsync(source, fixedSource, Key, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public Task NetFramework48_BecomesTrue()
    {
        var source = """
            using System.Net;

            class C
            {
                void M() => {|TLS003:ServicePointManager.CheckCertificateRevocationList = false|};
            }
            """;
        var fixedSource = """
            using System.Net;

            class C
            {
                void M() => ServicePointManager.CheckCertificateRevocationList = true;
            }
            """;
        return Verify.VerifyCodeFixAsync(source, fixedSource, Key, ReferenceSets.NetFramework48);
    }
}
