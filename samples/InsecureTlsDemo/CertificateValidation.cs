using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace InsecureTlsDemo;

/// <summary>
/// Clients that talk to an internal service with a self-signed certificate, written the way such code often is:
/// certificate validation and revocation checks switched off instead of trusting the service's certificate.
/// </summary>
internal static class CertificateValidation
{
    private static readonly RemoteCertificateValidationCallback TrustEverything = (sender, certificate, chain, errors) => true;

    public static HttpClient CreateInventoryClient(ILogger logger)
    {
        var handler = new HttpClientHandler
        {
            // TLS002: accepts any server certificate after logging the errors.
            ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) =>
            {
                logger.LogWarning("Ignoring TLS errors {Errors} for {Uri}", errors, message.RequestUri);
                return true;
            },

            // TLS003: a revoked certificate is still accepted.
            CheckCertificateRevocationList = false,
        };
        return new HttpClient(handler) { BaseAddress = new Uri("https://inventory.internal") };
    }

    public static HttpClient CreateBillingClient()
    {
        // TLS002: the framework's own accept-anything validator.
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        };
        return new HttpClient(handler);
    }

    public static SocketsHttpHandler CreateReportingHandler() => new()
    {
        SslOptions =
        {
            // TLS002: the callback is a readonly field; the warning points at both places.
            RemoteCertificateValidationCallback = TrustEverything,

            // TLS003: no revocation check for the reporting service.
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        },
    };

    public static void ConfigureLegacyClients()
    {
        // TLS002: every WebRequest in the process accepts any certificate.
        ServicePointManager.ServerCertificateValidationCallback += delegate { return true; };
    }

    public static SslStream OpenAuditStream(Stream transport)
    {
        // TLS002: a method group that ignores its errors argument.
        return new SslStream(transport, leaveInnerStreamOpen: false, AcceptAuditServer);
    }

    private static bool AcceptAuditServer(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None || true;
}
