using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using TlsAnalyzers.Rules;
using TlsAnalyzers.Tests.Verifiers;
using Verify = TlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<TlsAnalyzers.Rules.RevocationCheckDisabledAnalyzer>;

namespace TlsAnalyzers.Tests.Rules;

public sealed class RevocationCheckDisabledAnalyzerTests
{
    private const string Usings = """
        using System.IO;
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Authentication;
        using System.Security.Cryptography.X509Certificates;

        """;

    [Theory]
    [InlineData("var handler = new HttpClientHandler { {|TLS003:CheckCertificateRevocationList = false|} };")]
    [InlineData("var handler = new HttpClientHandler(); {|TLS003:handler.CheckCertificateRevocationList = false|};")]
    [InlineData("{|TLS003:ServicePointManager.CheckCertificateRevocationList = false|};")]
    [InlineData("const bool Check = false; {|TLS003:ServicePointManager.CheckCertificateRevocationList = Check|};")]
    [InlineData("var options = new SslClientAuthenticationOptions { {|TLS003:CertificateRevocationCheckMode = X509RevocationMode.NoCheck|} };")]
    [InlineData("var options = new SslServerAuthenticationOptions { {|TLS003:CertificateRevocationCheckMode = X509RevocationMode.NoCheck|} };")]
    [InlineData("var handler = new SocketsHttpHandler { SslOptions = { {|TLS003:CertificateRevocationCheckMode = X509RevocationMode.NoCheck|} } };")]
    [InlineData("var handler = new SocketsHttpHandler(); {|TLS003:handler.SslOptions.CertificateRevocationCheckMode = X509RevocationMode.NoCheck|};")]
    [InlineData("new SslStream(Stream.Null).AuthenticateAsClient(\"host\", null, SslProtocols.None, {|TLS003:false|});")]
    [InlineData("_ = new SslStream(Stream.Null).AuthenticateAsClientAsync(\"host\", null, SslProtocols.None, {|TLS003:checkCertificateRevocation: false|});")]
    [InlineData("new SslStream(Stream.Null).AuthenticateAsServer(null!, false, SslProtocols.None, {|TLS003:false|});")]
    [InlineData("var handler = new HttpClientHandler(); {|TLS003:handler.CheckCertificate\\u0052evocationList = false|};")]
    [InlineData("new SslStream(Stream.Null).Authenticate\\u0041sClient(\"host\", null, SslProtocols.None, {|TLS003:false|});")]
    public Task ExplicitOptOut_IsReported(string statement)
    {
        return Verify.VerifyAnalyzerAsync(Wrap(statement));
    }

    [Theory]
    [InlineData("var handler = new HttpClientHandler { CheckCertificateRevocationList = true };")]
    [InlineData("var handler = new HttpClientHandler();")]
    [InlineData("ServicePointManager.CheckCertificateRevocationList = System.Environment.UserInteractive;")]
    [InlineData("var options = new SslClientAuthenticationOptions { CertificateRevocationCheckMode = X509RevocationMode.Offline };")]
    [InlineData("var options = new SslClientAuthenticationOptions { CertificateRevocationCheckMode = X509RevocationMode.Online };")]
    [InlineData("var isOff = ServicePointManager.CheckCertificateRevocationList == false;")]
    [InlineData("var chain = new X509Chain(); chain.ChainPolicy.RevocationMode = X509RevocationMode.Online;")]
    [InlineData("var policy = new X509ChainPolicy { RevocationMode = X509RevocationMode.Offline };")]
    [InlineData("new SslStream(Stream.Null).AuthenticateAsClient(\"host\", null, SslProtocols.None, true);")]
    [InlineData("var check = false; ServicePointManager.CheckCertificateRevocationList = check;")]
    public Task DefaultsAndOtherValues_AreNotReported(string statement)
    {
        return Verify.VerifyAnalyzerAsync(Wrap(statement));
    }

    [Fact]
    public Task Message_NamesPropertyAndValue()
    {
        var test = Verify.CreateTest(Wrap(
            "var options = new SslClientAuthenticationOptions { {|#0:CertificateRevocationCheckMode = X509RevocationMode.NoCheck|} };"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RevocationCheckDisabledAnalyzer.Rule)
            .WithLocation(0)
            .WithArguments("SslClientAuthenticationOptions.CertificateRevocationCheckMode", "X509RevocationMode.NoCheck"));
        return test.RunAsync();
    }

    [Fact]
    public Task ChainPolicyNoCheck_IsReportedEverywhere()
    {
        // The chain policy governs the chain a callback rebuilds and, from .NET 7, the chain SslStream builds itself.
        var source = Usings + """
            class C
            {
                void M(X509Certificate2 certificate)
                {
                    var client = new SslClientAuthenticationOptions
                    {
                        CertificateChainPolicy = new X509ChainPolicy { {|TLS003:RevocationMode = X509RevocationMode.NoCheck|} },
                    };
                    var server = new SslServerAuthenticationOptions { CertificateChainPolicy = new X509ChainPolicy() };
                    {|TLS003:server.CertificateChainPolicy.RevocationMode = X509RevocationMode.NoCheck|};
                    client.RemoteCertificateValidationCallback = (sender, cert, chain, errors) =>
                    {
                        {|TLS003:chain!.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck|};
                        return chain.Build(new X509Certificate2(cert!));
                    };
                    using var standalone = new X509Chain();
                    {|TLS003:standalone.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck|};
                }
            }
            """;
        return Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task NetFramework48_ChainPolicyNoCheck_IsReported()
    {
        var source = Usings + """
            class C
            {
                void M()
                {
                    var chain = new X509Chain();
                    {|TLS003:chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck|};
                }
            }
            """;
        return Verify.VerifyAnalyzerAsync(source, ReferenceSets.NetFramework48);
    }

    [Fact]
    public Task NetFramework48_OptOuts_AreReported()
    {
        var source = Usings + """
            class C
            {
                void M(Stream stream)
                {
                    var handler = new HttpClientHandler { {|TLS003:CheckCertificateRevocationList = false|} };
                    {|TLS003:ServicePointManager.CheckCertificateRevocationList = false|};
                    new SslStream(stream).AuthenticateAsClient("host", null, SslProtocols.Tls12, {|TLS003:false|});
                }
            }
            """;
        return Verify.VerifyAnalyzerAsync(source, ReferenceSets.NetFramework48);
    }

    [Fact]
    public Task NetFramework462_MissingProperty_IsNotReported()
    {
        // HttpClientHandler.CheckCertificateRevocationList arrived in .NET Framework 4.7.1.
        var source = Usings + """
            class C
            {
                void M()
                {
                    var handler = new HttpClientHandler { {|CS0117:CheckCertificateRevocationList|} = false };
                    {|TLS003:ServicePointManager.CheckCertificateRevocationList = false|};
                }
            }
            """;
        return Verify.VerifyAnalyzerAsync(source, ReferenceSets.NetFramework462);
    }

    [Fact]
    public Task Kestrel_CheckCertificateRevocation_IsReported()
    {
        var source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;

            class C
            {
                void M(WebApplicationBuilder builder)
                {
                    builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(
                        https => {|TLS003:https.CheckCertificateRevocation = false|}));
                    builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(
                        https => https.CheckCertificateRevocation = true));
                }
            }
            """;
        return Verify.VerifyAnalyzerAsync(source, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public Task WinHttpHandler_IsReportedWhenReferenced()
    {
        // WinHttpHandler ships in its own package; this declaration has the name and shape of its class.
        var source = """
            namespace System.Net.Http
            {
                public class WinHttpHandler : HttpMessageHandler
                {
                    public bool CheckCertificateRevocationList { get; set; }

                    protected override System.Threading.Tasks.Task<HttpResponseMessage> SendAsync(
                        HttpRequestMessage request, System.Threading.CancellationToken cancellationToken) => null!;
                }
            }

            class C
            {
                void M() => _ = new System.Net.Http.WinHttpHandler { {|TLS003:CheckCertificateRevocationList = false|} };
            }
            """;
        return Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task UserTypeWithFrameworkNames_IsNotReported()
    {
        var source = """
            namespace Mine
            {
                class HttpClientHandler { public bool CheckCertificateRevocationList { get; set; } }

                class C
                {
                    void M() => _ = new HttpClientHandler { CheckCertificateRevocationList = false };
                }
            }
            """;
        return Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task BrokenCode_DoesNotCrash()
    {
        var source = Usings + """
            class C
            {
                void M()
                {
                    ServicePointManager.CheckCertificateRevocationList = {|CS0103:Unknown|};
                    var handler = new HttpClientHandler { {|TLS003:CheckCertificateRevocationList = false|} }{|CS1002:|}
                    var options = new SslClientAuthenticationOptions { CertificateRevocationCheckMode = X509RevocationMode.{|CS0117:Never|} };
                    new SslStream(Stream.Null).AuthenticateAsClient("host", null, SslProtocols.None, {|CS1503:"no"|});
                }
            }
            """;
        return Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task TypesAbsent_NothingIsReported()
    {
        var source = """
            class HttpClientHandler { public bool CheckCertificateRevocationList { get; set; } }

            class C
            {
                void M() { var handler = new HttpClientHandler { CheckCertificateRevocationList = false }; }
            }
            """;
        return Verify.VerifyAnalyzerAsync(source, ReferenceSets.NetFramework48.WithAssemblies(["mscorlib"]));
    }

    private static string Wrap(string statement) => Usings + $$"""
        class C
        {
            void M()
            {
                {{statement}}
            }
        }
        """;
}
