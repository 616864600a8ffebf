using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace InsecureTlsDemo;

/// <summary>
/// An SMTP client for an old in-house mail relay. It pins the protocol versions the relay spoke years ago instead of
/// letting the operating system pick, so it still offers TLS 1.0 and 1.1 to any server, or to an attacker in the
/// middle who forces a downgrade.
/// </summary>
internal sealed class LegacyMailClient
{
    // Kept as a setting so operations could "fix" handshakes with older relays.
    private const SslProtocols RelayProtocols = SslProtocols.Tls | SslProtocols.Tls11 | SslProtocols.Tls12;

    private readonly string _host;

    public LegacyMailClient(string host) => _host = host;

    public async Task<SslStream> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new TcpClient();
        await client.ConnectAsync(_host, 465, cancellationToken);

        var stream = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = _host,
            EnabledSslProtocols = RelayProtocols,
        };
        await stream.AuthenticateAsClientAsync(options, cancellationToken);
        return stream;
    }

    public SslStream ConnectToBackupRelay(string backupHost)
    {
        var client = new TcpClient(backupHost, 465);
        var stream = new SslStream(client.GetStream());
        stream.AuthenticateAsClient(backupHost, null, SslProtocols.Default, checkCertificateRevocation: true);
        return stream;
    }

    // Rejecting old versions after the handshake is the right idea and is not reported.
    public static bool IsOutdated(SslStream stream) =>
        stream.SslProtocol is SslProtocols.Tls or SslProtocols.Tls11 || (stream.SslProtocol & SslProtocols.Ssl3) != 0;
}
