using System.Linq;
using TlsAnalyzers.Infrastructure;

namespace TlsAnalyzers.Tests.Rules;

/// <summary>Expected text of the suite lists that the TLS004 and TLS005 fixes write.</summary>
internal static class CipherSuiteTestText
{
    /// <summary>Returns the profile's suites as <c>TlsCipherSuite.X,</c> lines, each starting with <paramref name="indentation"/>.</summary>
    public static string Lines(string indentation, string profile = CipherSuiteProfile.Intermediate) =>
        string.Join("\n", CipherSuiteProfile.GetSuites(profile).Select(name => indentation + "TlsCipherSuite." + name + ","));
}
