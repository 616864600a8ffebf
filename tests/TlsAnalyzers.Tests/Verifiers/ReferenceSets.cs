using System.IO;
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

    public static ReferenceAssemblies NetFramework48 { get; } = ReferenceAssemblies.NetFramework.Net48.Default;

    public static ReferenceAssemblies NetFramework462 { get; } = ReferenceAssemblies.NetFramework.Net462.Default;

    public static ReferenceAssemblies NetStandard20 { get; } = ReferenceAssemblies.NetStandard.NetStandard20;

    public static ReferenceAssemblies AspNetCore80 { get; } = new ReferenceAssemblies(
            "net8.0",
            new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0"),
            Path.Combine("ref", "net8.0"))
        .AddPackages([new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.0")]);
}
