using System.Collections.Generic;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Bit values that <c>SslProtocols</c> and <c>SecurityProtocolType</c> share. Both enums mirror the SChannel
/// <c>SP_PROT_*</c> flags, so Ssl3 is 48, Tls 192, Tls11 768, Tls12 3072 and Tls13 12288 in each of them.
/// </summary>
internal static class ProtocolBits
{
    public const long Ssl2 = 0x0C;
    public const long Ssl3 = 0x30;
    public const long Tls10 = 0xC0;
    public const long Tls11 = 0x300;
    public const long Tls12 = 0xC00;
    public const long Tls13 = 0x3000;

    /// <summary>Every bit of a protocol older than TLS 1.2.</summary>
    public const long Weak = Ssl2 | Ssl3 | Tls10 | Tls11;

    /// <summary>Every bit of TLS 1.2 or TLS 1.3.</summary>
    public const long Strong = Tls12 | Tls13;

    public static bool HasWeak(long value) => (value & Weak) != 0;

    /// <summary>Returns true when <paramref name="value"/> enables TLS 1.2 or 1.3 and nothing older.</summary>
    public static bool IsStrongOnly(long value) => (value & Strong) != 0 && !HasWeak(value);

    /// <summary>
    /// Converts an enum or integer constant to its bits. A negative value keeps its two's complement bits.
    /// </summary>
    public static bool TryGetValue(object? constant, out long value)
    {
        switch (constant)
        {
            case int i: value = i; return true;
            case long l: value = l; return true;
            case uint ui: value = ui; return true;
            case ulong ul: value = unchecked((long)ul); return true;
            case short s: value = s; return true;
            case ushort us: value = us; return true;
            case sbyte sb: value = sb; return true;
            case byte b: value = b; return true;
            default: value = 0; return false;
        }
    }

    /// <summary>Names the old protocols that <paramref name="value"/> enables: "SSL 3.0 and TLS 1.0".</summary>
    public static string DescribeWeak(long value)
    {
        var names = new List<string>(4);
        AddIfSet(names, value, Ssl2, "SSL 2.0");
        AddIfSet(names, value, Ssl3, "SSL 3.0");
        AddIfSet(names, value, Tls10, "TLS 1.0");
        AddIfSet(names, value, Tls11, "TLS 1.1");

        if (names.Count <= 1)
        {
            return names.Count == 1 ? names[0] : string.Empty;
        }

        return string.Join(", ", names.GetRange(0, names.Count - 1)) + " and " + names[names.Count - 1];
    }

    private static void AddIfSet(List<string> names, long value, long bits, string name)
    {
        if ((value & bits) != 0)
        {
            names.Add(name);
        }
    }
}
