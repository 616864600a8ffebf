using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace InsecureTlsDemo;

/// <summary>TLS servers that leave the cipher suites to the operating system or allow weak ones.</summary>
internal static class CipherSuites
{
    // Kept for an old monitoring agent that cannot do ECDHE.
    private static readonly TlsCipherSuite[] AgentSuites =
    {
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA256,
        TlsCipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA,
    };

    /// <summary>An HTTPS endpoint for the internal API, served with the OS default suites.</summary>
    public static void ConfigureEndpoints(KestrelServerOptions kestrel)
    {
        kestrel.ListenAnyIP(8443, listen => listen.UseHttps("certs/api.pfx", "change-me"));
    }

    /// <summary>Accepts one raw TLS connection from the monitoring agent.</summary>
    public static async Task AcceptAgentAsync(TcpListener listener, X509Certificate2 certificate)
    {
        using var client = await listener.AcceptTcpClientAsync();
        await using var tls = new SslStream(client.GetStream());
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
        {
            ServerCertificate = certificate,
            CipherSuitesPolicy = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(AgentSuites),
        });
    }

    /// <summary>Options for a second listener, created without any cipher suite policy.</summary>
    public static SslServerAuthenticationOptions CreateReportingOptions(X509Certificate2 certificate) =>
        new SslServerAuthenticationOptions { ServerCertificate = certificate };
}
