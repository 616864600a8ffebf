using System.Net;
using System.Net.Security;
using System.Security.Authentication;

// .NET 7 marked the old SslProtocols members obsolete (SYSLIB0039, CS0618). These cases keep them on purpose, so
// that TLS001 alone fails the build and its code fix alone makes it pass.
#pragma warning disable SYSLIB0039, CS0618

namespace Consumer;

/// <summary>TLS001 cases: each weak protocol value below is reported, and the code fix rewrites it.</summary>
public static class ProtocolVersionCases
{
    private const SslProtocols PartnerProtocols = SslProtocols.Tls11 | SslProtocols.Tls12; // expect: TLS001

    public static void ConfigureServicePointManager()
    {
        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12; // expect: TLS001, TLS001
        ServicePointManager.SecurityProtocol |= SecurityProtocolType.Ssl3; // expect: TLS001
        ServicePointManager.SecurityProtocol = ~SecurityProtocolType.Ssl3; // expect: TLS001
    }

    public static void Connect(SslStream stream, string host)
    {
        stream.AuthenticateAsClient(host, null, SslProtocols.Tls, checkCertificateRevocation: true); // expect: TLS001
        stream.AuthenticateAsClient(host, null, PartnerProtocols, checkCertificateRevocation: true);
    }

    public static SslClientAuthenticationOptions CreateOptions(string host) => new()
    {
        TargetHost = host,
        EnabledSslProtocols = (SslProtocols)192, // expect: TLS001
    };

    public static SslProtocols Fallback(bool legacy) =>
        legacy ? SslProtocols.Default : SslProtocols.None; // expect: TLS001

    public static SslProtocols? Forced(bool legacy) =>
        legacy ? (SslProtocols?)768 : null; // expect: TLS001

    // Names for log messages describe versions without enabling them.
    private static readonly Dictionary<SslProtocols, string> ProtocolNames = new()
    {
        [SslProtocols.Tls] = "TLS 1.0",
        [SslProtocols.Tls11] = "TLS 1.1",
    };

    public static string Describe(SslProtocols negotiated) =>
        ProtocolNames.TryGetValue(negotiated, out var name) ? name : negotiated.ToString();

    // Code that rejects old versions is not reported.
    public static bool IsOutdated(SslStream stream) =>
        stream.SslProtocol is SslProtocols.Tls or SslProtocols.Tls11
        || (stream.SslProtocol & (SslProtocols.Ssl2 | SslProtocols.Ssl3)) != 0;

    public static SslProtocols WithoutOldVersions(SslProtocols protocols) =>
        protocols & ~(SslProtocols.Tls | SslProtocols.Tls11);
}
