using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Consumer;

/// <summary>
/// TLS002 and TLS003 cases for the end-to-end test. The first fix of each diagnostic, the one dotnet format
/// applies, must leave code that builds without warnings.
/// </summary>
public static class CertificateCases
{
    internal static readonly RemoteCertificateValidationCallback AcceptAll = (sender, certificate, chain, errors) => true;

    public static HttpClient CreateClient()
    {
        var handler = new HttpClientHandler
        {
            UseCookies = false,
            ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true, // expect: TLS002
        };
        return new HttpClient(handler);
    }

    public static HttpClient CreateDangerousClient()
    {
        var handler = new HttpClientHandler();
        handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; // expect: TLS002
        handler.CheckCertificateRevocationList = false; // expect: TLS003
        return new HttpClient(handler);
    }

    public static void ConfigureLegacy()
    {
        // Older clients in this process use WebRequest.
        ServicePointManager.ServerCertificateValidationCallback += delegate { return true; }; // expect: TLS002
        Console.WriteLine("configured");
    }

    public static SslClientAuthenticationOptions CreateOptions(string host) => new()
    {
        TargetHost = host,
        RemoteCertificateValidationCallback = AcceptAll, // expect: TLS002
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck, // expect: TLS003
    };

    public static SslStream Wrap(Stream transport) => new(transport, false, AcceptAuditServer); // expect: TLS002

    private static bool AcceptAuditServer(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        true;
}
