using System.Net;

namespace InsecureTlsDemo;

/// <summary>Process-wide TLS settings as older .NET Framework code wrote them, carried over to .NET.</summary>
internal static class LegacyTlsSetup
{
    public static string Describe()
    {
        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12;
        return ServicePointManager.SecurityProtocol.ToString();
    }
}
