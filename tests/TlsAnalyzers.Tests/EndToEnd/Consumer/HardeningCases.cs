using System.Net.Security;

// .NET 7+ marks the NULL-encryption policies obsolete (SYSLIB0040); -warnaserror would turn that into an error that
// TLS009's fix does not address, so it is silenced for this file.
#pragma warning disable SYSLIB0040

namespace Consumer;

/// <summary>
/// TLS008, TLS009 and TLS010 cases for the end-to-end test. Options objects come in as parameters, so rules about
/// how the objects are created (cipher suites, revocation) stay out of this file.
/// </summary>
public static class HardeningCases
{
    public static void ConfigureServer(SslServerAuthenticationOptions options)
    {
        options.AllowRenegotiation = true; // expect: TLS008
    }

    public static void ConfigureClient(SslClientAuthenticationOptions options)
    {
        options.EncryptionPolicy = EncryptionPolicy.AllowNoEncryption; // expect: TLS009
    }

    public static SslStream Wrap(Stream inner)
    {
        return new SslStream(inner, false, null, null, EncryptionPolicy.NoEncryption); // expect: TLS009
    }

    public static void ApplyCompatibilitySwitches()
    {
        // A legacy payment gateway.
        AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true); // expect: TLS010
        AppContext.SetSwitch("Switch.System.Net.DontEnableSystemDefaultTlsVersions", true); // expect: TLS010
    }

    public static void SkipRevocation() =>
        AppContext.SetSwitch("System.Net.Security.NoRevocationCheckByDefault", true); // expect: TLS010
}
