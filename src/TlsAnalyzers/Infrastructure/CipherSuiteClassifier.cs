using System;
using System.Collections.Generic;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Classifies a <c>TlsCipherSuite</c> member from its IANA name (<c>TLS_kx_WITH_cipher_mac</c>), so that members
/// added to the enum by a later .NET version are classified without a table of every suite.
/// </summary>
internal static class CipherSuiteClassifier
{
    private const string WithSeparator = "_WITH_";

    /// <summary>
    /// Returns why the suite is weak ("no forward secrecy, CBC mode"), or null when it is a TLS 1.3 suite or an
    /// (EC)DHE suite with an AEAD cipher, or when the name does not follow the IANA pattern.
    /// </summary>
    public static string? GetWeakness(string name)
    {
        if (!name.StartsWith("TLS_", StringComparison.Ordinal))
        {
            return null;
        }

        var withIndex = name.IndexOf(WithSeparator, StringComparison.Ordinal);
        if (withIndex < 0)
        {
            // TLS 1.3 names carry no key exchange (it is always ephemeral) and only AEAD ciphers.
            return null;
        }

        var keyExchange = name.Substring(4, withIndex - 4).Split('_');
        var cipherAndMac = name.Substring(withIndex + WithSeparator.Length).Split('_');
        var reasons = new List<string>();
        AddKeyExchangeReasons(keyExchange, reasons);
        AddCipherReasons(cipherAndMac, reasons);
        return reasons.Count == 0 ? null : string.Join(", ", reasons);
    }

    private static void AddKeyExchangeReasons(string[] keyExchange, List<string> reasons)
    {
        if (Array.IndexOf(keyExchange, "anon") >= 0)
        {
            reasons.Add("anonymous key exchange");
        }

        if (Array.IndexOf(keyExchange, "EXPORT") >= 0)
        {
            reasons.Add("export-grade");
        }

        // RSA, static (EC)DH, plain PSK and Kerberos key exchange let a stolen long-term key decrypt recorded
        // traffic. Ephemeral (EC)DHE and the ECCPWD handshake (RFC 8492) do not.
        var ephemeral = Array.Exists(keyExchange, part => part is "ECDHE" or "DHE" or "ECCPWD");
        if (!ephemeral && Array.IndexOf(keyExchange, "anon") < 0)
        {
            reasons.Add("no forward secrecy");
        }
    }

    private static void AddCipherReasons(string[] cipherAndMac, List<string> reasons)
    {
        if (cipherAndMac[0] == "NULL")
        {
            reasons.Add("NULL encryption");
        }
        else if (Array.Exists(cipherAndMac, part => part is "RC4" or "RC2" or "IDEA" or "DES" or "DES40" or "3DES"))
        {
            reasons.Add(cipherAndMac[0] + " cipher");
        }

        // CBC suites in TLS 1.2 use MAC-then-encrypt, the root of the padding-oracle attacks (Lucky Thirteen).
        if (Array.IndexOf(cipherAndMac, "CBC") >= 0)
        {
            reasons.Add("CBC mode");
        }

        var mac = cipherAndMac[cipherAndMac.Length - 1];
        if (mac == "MD5")
        {
            reasons.Add("MD5 MAC");
        }
        else if (mac == "SHA")
        {
            reasons.Add("SHA-1 MAC");
        }
    }
}
