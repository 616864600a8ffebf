using System.Linq;
using System.Reflection;

namespace TlsAnalyzers.Benchmarks.Analysis;

/// <summary>
/// Versions and analyzer folders of the peer packages and the compiler, written into the benchmark assembly by its
/// project file at build time.
/// </summary>
internal static class PeerPackages
{
    public static string NetAnalyzers { get; } = "Microsoft.CodeAnalysis.NetAnalyzers " + Read("NetAnalyzersVersion");

    public static string NetAnalyzersFolder { get; } = Read("NetAnalyzersFolder");

    public static string Sonar { get; } = "SonarAnalyzer.CSharp " + Read("SonarAnalyzerVersion");

    public static string SonarFolder { get; } = Read("SonarAnalyzerFolder");

    public static string Compiler { get; } = "Microsoft.CodeAnalysis.CSharp " + Read("RoslynVersion");

    private static string Read(string key) =>
        typeof(PeerPackages).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == key)?.Value ?? "(unknown)";
}
