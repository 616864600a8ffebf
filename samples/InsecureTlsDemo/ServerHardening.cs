using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// .NET 7+ marks the NULL-encryption policies obsolete (SYSLIB0040). The warning is silenced here so the build output
// shows TLS009, which also covers .NET Framework and comes with a fix.
#pragma warning disable SYSLIB0040

namespace InsecureTlsDemo;

/// <summary>
/// Server and stream settings of the kind that accumulate while debugging an interop problem with an old client:
/// renegotiation left on, encryption made optional, and process-wide switches that bring back legacy TLS.
/// </summary>
internal static class ServerHardening
{
    /// <summary>Lets an old scanner renegotiate to send its client certificate after the first request.</summary>
    public static void AllowLegacyScanners(KestrelServerOptions kestrel)
    {
        kestrel.ConfigureHttpsDefaults(https =>
        {
            https.OnAuthenticate = (connection, sslOptions) =>
            {
                sslOptions.AllowRenegotiation = true;
            };
        });
    }

    /// <summary>Wraps a socket stream for the plant-floor protocol, whose devices may not support encryption.</summary>
    public static SslStream WrapDeviceStream(Stream inner)
    {
        return new SslStream(inner, leaveInnerStreamOpen: false, null, null, EncryptionPolicy.AllowNoEncryption);
    }

    /// <summary>Options for the internal metrics listener, copied from a test that captured traffic.</summary>
    public static SslServerAuthenticationOptions MetricsListenerOptions(X509Certificate2 certificate)
    {
        return new SslServerAuthenticationOptions
        {
            ServerCertificate = certificate,
            EncryptionPolicy = EncryptionPolicy.NoEncryption,
            AllowRenegotiation = true,
        };
    }

    /// <summary>Process-wide switches set at startup to reach a payment gateway that still runs TLS 1.0.</summary>
    public static void ApplyCompatibilitySwitches()
    {
        AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true);
        AppContext.SetSwitch("Switch.System.Net.DontEnableSystemDefaultTlsVersions", true);
        AppContext.SetSwitch("System.Net.Security.NoRevocationCheckByDefault", true);
    }
}
