using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace TlsAnalyzers.Tests.Verifiers;

/// <summary>
/// Reference assemblies that tests compile against. The rules must behave on the frameworks where the TLS APIs differ:
/// .NET 8 (SslStream options, CipherSuitesPolicy), .NET Framework 4.8 (ServicePointManager, no Tls13 before 4.8),
/// ASP.NET Core 8 (Kestrel, HSTS) and netstandard2.0.
/// </summary>
internal static class ReferenceSets
{
    public static ReferenceAssemblies Net80 { get; } = ReferenceAssemblies.Net.Net80;

    /// <summary>.NET Framework 4.8, with System.Net.Http (HttpClientHandler) besides the usual assemblies.</summary>
    public static ReferenceAssemblies NetFramework48 { get; } = CreateNetFramework("net48", "v4.8");

    /// <summary>.NET Framework 4.6.2, whose SslProtocols and SecurityProtocolType have no Tls13 member.</summary>
    public static ReferenceAssemblies NetFramework462 { get; } = CreateNetFramework("net462", "v4.6.2");

    public static ReferenceAssemblies NetStandard20 { get; } = ReferenceAssemblies.NetStandard.NetStandard20;

    public static ReferenceAssemblies AspNetCore80 { get; } = new ReferenceAssemblies(
            "net8.0",
            new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0"),
            Path.Combine("ref", "net8.0"))
        .AddPackages([new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.0")]);

    // The testing library's own .NET Framework sets ask for package version 1.0.2, which the feed this project
    // restores from does not serve for every framework, so these name 1.0.3.
    private static ReferenceAssemblies CreateNetFramework(string targetFramework, string folder)
    {
        return new ReferenceAssemblies(
                targetFramework,
                new PackageIdentity("Microsoft.NETFramework.ReferenceAssemblies." + targetFramework, "1.0.3"),
                Path.Combine("build", ".NETFramework", folder))
            .AddAssemblies(["mscorlib", "System", "System.Core", "System.Data", "System.Xml", "System.Xml.Linq", "System.Net.Http"])
            .AddLanguageSpecificAssemblies(LanguageNames.CSharp, ["Microsoft.CSharp"]);
    }
}
