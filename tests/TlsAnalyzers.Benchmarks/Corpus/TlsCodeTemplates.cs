using System.Collections.Immutable;

namespace TlsAnalyzers.Benchmarks.Corpus;

/// <summary>One class of TLS code that the generator mixes into a module, with the namespaces it needs.</summary>
/// <param name="Name">What the snippet shows, for reading the generated corpus.</param>
/// <param name="Usings">Namespaces the code needs beyond the module's own.</param>
/// <param name="Code">The class; <c>$K$</c> stands for a number that keeps its name unique.</param>
internal sealed record TlsSnippet(string Name, ImmutableArray<string> Usings, string Code);

/// <summary>
/// TLS code as applications write it: insecure shapes the TLS rules of every analyzer set target, hardened code that
/// no rule should flag, and look-alikes that only read or compare TLS values. The generator takes them in this order,
/// so even a small corpus holds the first few.
/// </summary>
internal static class TlsCodeTemplates
{
    private const string Security = "System.Net.Security";
    private const string Authentication = "System.Security.Authentication";
    private const string Sockets = "System.Net.Sockets";
    private const string Http = "System.Net.Http";
    private const string X509 = "System.Security.Cryptography.X509Certificates";
    private const string Hosting = "Microsoft.AspNetCore.Hosting";
    private const string KestrelHttps = "Microsoft.AspNetCore.Server.Kestrel.Https";
    private const string ExtensionsHosting = "Microsoft.Extensions.Hosting";

    public static ImmutableArray<TlsSnippet> Snippets { get; } =
    [
        new("SslStream client enabling TLS 1.1", [Security, Sockets, Authentication], """
            public static class LegacyPeerClient$K$
            {
                public static async Task<SslStream> ConnectAsync(string host, int port, CancellationToken cancellationToken)
                {
                    var tcp = new TcpClient();
                    await tcp.ConnectAsync(host, port, cancellationToken);
                    var stream = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
                    var options = new SslClientAuthenticationOptions
                    {
                        TargetHost = host,
                        EnabledSslProtocols = SslProtocols.Tls11 | SslProtocols.Tls12,
                    };
                    await stream.AuthenticateAsClientAsync(options, cancellationToken);
                    return stream;
                }
            }

            """),
        new("HttpClientHandler accepting every certificate", [Http], """
            public sealed class InternalApiClientFactory$K$
            {
                public HttpClient Create(Uri baseAddress)
                {
                    var handler = new HttpClientHandler
                    {
                        // The staging gateway uses a self-signed certificate.
                        ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true,
                    };
                    return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
                }
            }

            """),
        new("Kestrel host with TLS 1.0, an accept-all client certificate check and short HSTS",
            [Authentication, Hosting, KestrelHttps], """
            public static class GatewayHost$K$
            {
                public static WebApplication Build(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.WebHost.ConfigureKestrel(kestrel =>
                    {
                        kestrel.ConfigureHttpsDefaults(https =>
                        {
                            https.SslProtocols = SslProtocols.Tls | SslProtocols.Tls12;
                            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                            https.ClientCertificateValidation = (certificate, chain, errors) => true;
                        });
                    });
                    builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(30));
                    var app = builder.Build();
                    app.UseHttpsRedirection();
                    app.UseHsts();
                    app.MapGet("/health", () => Results.Ok("healthy"));
                    return app;
                }
            }

            """),
        new("SslStream client with TLS 1.2 and 1.3", [Security, Sockets, Authentication], """
            public static class ModernPeerClient$K$
            {
                public static async Task<SslStream> ConnectAsync(string host, int port, CancellationToken cancellationToken)
                {
                    var tcp = new TcpClient();
                    await tcp.ConnectAsync(host, port, cancellationToken);
                    var stream = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
                    var options = new SslClientAuthenticationOptions
                    {
                        TargetHost = host,
                        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    };
                    await stream.AuthenticateAsClientAsync(options, cancellationToken);
                    return stream;
                }
            }

            """),
        new("ServicePointManager with TLS 1.0 and 1.1", ["System.Net"], """
            public static class LegacyProtocolSetup$K$
            {
                public static void Apply()
                {
                    ServicePointManager.SecurityProtocol =
                        SecurityProtocolType.Tls | SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12;
                    ServicePointManager.DefaultConnectionLimit = 64;
                }
            }

            """),
        new("Hardened Kestrel host", [Authentication, Security, Hosting], """
            public static class HardenedHost$K$
            {
                public static WebApplication Build(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
                    {
                        https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                        https.OnAuthenticate = (connection, options) =>
                        {
                            options.AllowRenegotiation = false;
                            if (!OperatingSystem.IsWindows())
                            {
                                options.CipherSuitesPolicy = new CipherSuitesPolicy(new[]
                                {
                                    TlsCipherSuite.TLS_AES_256_GCM_SHA384,
                                    TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
                                    TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
                                });
                            }
                        };
                    }));
                    builder.Services.AddHsts(options =>
                    {
                        options.MaxAge = TimeSpan.FromSeconds(63072000);
                        options.IncludeSubDomains = true;
                        options.Preload = true;
                    });
                    var app = builder.Build();
                    app.UseHsts();
                    app.UseHttpsRedirection();
                    return app;
                }
            }

            """),
        new("HttpClientHandler with SSL 3.0, no revocation check, accept-any validator",
            [Http, Authentication], """
            public static class LegacyDeviceClient$K$
            {
                public static HttpClient Create()
                {
                    var handler = new HttpClientHandler
                    {
                        SslProtocols = SslProtocols.Ssl3 | SslProtocols.Tls,
                        CheckCertificateRevocationList = false,
                        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
                    };
                    return new HttpClient(handler);
                }
            }

            """),
        new("Code that reads and compares protocol values", [Security, Authentication], """
            public static class TlsConnectionInfo$K$
            {
                public static string Describe(SslStream stream)
                {
                    if (stream.SslProtocol is SslProtocols.Tls or SslProtocols.Tls11)
                    {
                        return $"outdated protocol {stream.SslProtocol}";
                    }

                    return stream.SslProtocol == SslProtocols.None ? "not negotiated" : stream.SslProtocol.ToString();
                }
            }

            """),
        new("Server options with a weak cipher suite and renegotiation", [Security, Authentication, X509], """
            public static class PartnerTlsListener$K$
            {
                public static SslServerAuthenticationOptions CreateOptions(X509Certificate2 certificate)
                {
                    var options = new SslServerAuthenticationOptions
                    {
                        ServerCertificate = certificate,
                        EnabledSslProtocols = SslProtocols.Tls12,
                        AllowRenegotiation = true,
                    };
                    if (OperatingSystem.IsLinux())
                    {
                        options.CipherSuitesPolicy = new CipherSuitesPolicy(new[]
                        {
                            TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256,
                            TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                        });
                    }

                    return options;
                }
            }

            """),
        new("Certificate pinning on top of chain validation", [Http, Security], """
            public sealed class PinnedCertificateClient$K$(string expectedThumbprint)
            {
                public HttpClient Create()
                {
                    var handler = new SocketsHttpHandler
                    {
                        SslOptions = new SslClientAuthenticationOptions
                        {
                            RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                                errors == SslPolicyErrors.None
                                && certificate is not null
                                && string.Equals(
                                    certificate.GetCertHashString(), expectedThumbprint, StringComparison.OrdinalIgnoreCase),
                        },
                        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    };
                    return new HttpClient(handler);
                }
            }

            """),
        new("Web app with HTTPS redirection and no HSTS", [], """
            public static class PortalHost$K$
            {
                public static WebApplication Build(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddRouting();
                    var app = builder.Build();
                    app.UseHttpsRedirection();
                    app.MapGet("/", () => "portal");
                    return app;
                }
            }

            """),
        new("SslStream server with TLS 1.0, no encryption required, no revocation check",
            [Security, Sockets, Authentication, X509], """
            public sealed class LegacyTlsServer$K$(X509Certificate2 certificate)
            {
                public async Task<SslStream> AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
                {
                    var client = await listener.AcceptTcpClientAsync(cancellationToken);
                    var stream = new SslStream(
                        client.GetStream(), false, (sender, cert, chain, errors) => true, null, EncryptionPolicy.AllowNoEncryption);
                    await stream.AuthenticateAsServerAsync(
                        certificate, clientCertificateRequired: false, SslProtocols.Tls, checkCertificateRevocation: false);
                    return stream;
                }
            }

            """),
        new("AppContext switches that turn off strong crypto defaults", [], """
            public static class CompatibilitySwitches$K$
            {
                public static void Apply()
                {
                    AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true);
                    AppContext.SetSwitch("Switch.System.ServiceModel.DisableUsingServicePointManagerSecurityProtocols", true);
                    AppContext.SetSwitch("System.Net.Http.SocketsHttpHandler.Http2Support", true);
                }
            }

            """),
        new("X509Chain without revocation check", [X509], """
            public static class CertificateInspector$K$
            {
                public static bool IsTrusted(X509Certificate2 certificate)
                {
                    using var chain = new X509Chain();
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    chain.ChainPolicy.VerificationFlags = X509VerificationFlags.NoFlag;
                    return chain.Build(certificate);
                }
            }

            """),
        new("Hardened SocketsHttpHandler", [Http, Security, Authentication, X509], """
            public static class HardenedHttpClientFactory$K$
            {
                public static HttpClient Create()
                {
                    var handler = new SocketsHttpHandler
                    {
                        SslOptions = new SslClientAuthenticationOptions
                        {
                            EnabledSslProtocols = SslProtocols.None,
                            CertificateRevocationCheckMode = X509RevocationMode.Online,
                        },
                    };
                    return new HttpClient(handler, disposeHandler: true);
                }
            }

            """),
        new("Startup class with one-hour HSTS", [Hosting, ExtensionsHosting], """
            public sealed class LegacyStartup$K$
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddHsts(options =>
                    {
                        options.MaxAge = TimeSpan.FromHours(1);
                        options.IncludeSubDomains = false;
                    });
                }

                public void Configure(IApplicationBuilder app, IWebHostEnvironment environment)
                {
                    if (!environment.IsDevelopment())
                    {
                        app.UseHsts();
                    }

                    app.UseHttpsRedirection();
                    app.UseRouting();
                }
            }

            """),
        new("SocketsHttpHandler that skips revocation and accepts any certificate",
            [Http, Security, X509], """
            public static class MetricsExporterClient$K$
            {
                public static HttpClient Create()
                {
                    var handler = new SocketsHttpHandler
                    {
                        SslOptions = new SslClientAuthenticationOptions
                        {
                            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                            RemoteCertificateValidationCallback = delegate { return true; },
                        },
                    };
                    return new HttpClient(handler);
                }
            }

            """),
    ];
}
