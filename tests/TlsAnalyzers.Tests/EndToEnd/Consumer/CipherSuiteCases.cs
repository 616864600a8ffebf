using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Consumer;

/// <summary>TLS servers whose cipher suites TLS004 and TLS005 report: a Kestrel endpoint and SslStream servers.</summary>
public static class CipherSuiteCases
{
    public static void ConfigureKestrel(KestrelServerOptions kestrel)
    {
        kestrel.ListenLocalhost(5443, listen => listen.UseHttps()); // expect: TLS004
    }

    public static async Task ServeAsync(Stream client, X509Certificate2 certificate)
    {
        var options = new SslServerAuthenticationOptions // expect: TLS004
        {
            ServerCertificate = certificate,
        };
        await using var tls = new SslStream(client);
        await tls.AuthenticateAsServerAsync(options);
    }

    public static async Task ServeLegacyClientsAsync(Stream client, X509Certificate2 certificate)
    {
        var options = new SslServerAuthenticationOptions
        {
            ServerCertificate = certificate,
            CipherSuitesPolicy = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(new[]
            {
                TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, // expect: TLS005
            }),
        };
        await using var tls = new SslStream(client);
        await tls.AuthenticateAsServerAsync(options);
    }
}
