using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TlsAnalyzers.Benchmarks.Analysis;

/// <summary>Builds the four configurations of every round: bare compile, TlsAnalyzers and the two peers.</summary>
internal static class AnalyzerCatalog
{
    /// <summary>The NetAnalyzers rules about TLS protocols, certificate validation and revocation checks.</summary>
    public static ImmutableSortedSet<string> NetAnalyzersTlsRules { get; } =
        ["CA5359", "CA5361", "CA5364", "CA5378", "CA5386", "CA5397", "CA5398", "CA5399", "CA5400"];

    /// <summary>Sonar's rules about certificate validation (S4830) and weak SSL/TLS protocols (S4423).</summary>
    public static ImmutableSortedSet<string> SonarTlsRules { get; } = ["S4423", "S4830"];

    private static readonly Lazy<IReadOnlyList<AnalyzerConfiguration>> Configurations = new(Create);

    /// <summary>Loads the analyzers once per process: the peer packages load into load contexts that stay.</summary>
    public static IReadOnlyList<AnalyzerConfiguration> Load() => Configurations.Value;

    private static List<AnalyzerConfiguration> Create()
    {
        var netAnalyzers = PeerAnalyzerLoader.LoadCSharpAnalyzers(PeerPackages.NetAnalyzersFolder);
        var sonar = PeerAnalyzerLoader.LoadCSharpAnalyzers(PeerPackages.SonarFolder);

        return
        [
            AnalyzerConfiguration.BareCompile,
            CreateTlsAnalyzers(),
            CreatePeer("C", "NetAnalyzers TLS rules", PeerPackages.NetAnalyzers, netAnalyzers, NetAnalyzersTlsRules),
            CreatePeer("D", "Sonar TLS rules", PeerPackages.Sonar, sonar, SonarTlsRules),
        ];
    }

    // Every analyzer in the TlsAnalyzers assembly, found by reflection so the benchmark follows the rules as they are
    // added, with all the IDs they report.
    private static AnalyzerConfiguration CreateTlsAnalyzers()
    {
        var assembly = typeof(RuleIds).Assembly;
        var analyzers = DiscoverCSharpAnalyzers(assembly);
        var ruleIds = analyzers.SelectMany(AnalyzerConfiguration.SupportedIds).ToImmutableSortedSet();
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return new AnalyzerConfiguration("B", "TlsAnalyzers", $"TlsAnalyzers {version}", analyzers, ruleIds);
    }

    /// <summary>Creates one instance of every concrete C# analyzer type in <paramref name="assembly"/>.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> DiscoverCSharpAnalyzers(Assembly assembly) =>
        assembly.GetTypes()
            .Where(IsCSharpAnalyzer)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type, nonPublic: true)!)
            .ToImmutableArray();

    private static bool IsCSharpAnalyzer(Type type) =>
        !type.IsAbstract
        && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
        && type.GetCustomAttributes<DiagnosticAnalyzerAttribute>()
            .Any(attribute => attribute.Languages.Contains(LanguageNames.CSharp));

    // Only the analyzers that report one of the rules. The compiler skips an analyzer whose every rule is switched
    // off, so the others would cost nothing in a build either; leaving them out keeps the per-analyzer table short.
    private static AnalyzerConfiguration CreatePeer(
        string label,
        string name,
        string source,
        IReadOnlyList<DiagnosticAnalyzer> analyzers,
        ImmutableSortedSet<string> rules)
    {
        var selected = analyzers
            .Where(analyzer => AnalyzerConfiguration.SupportedIds(analyzer).Any(rules.Contains))
            .ToImmutableArray();
        var missing = rules.Except(selected.SelectMany(AnalyzerConfiguration.SupportedIds));
        if (!missing.IsEmpty)
        {
            throw new InvalidOperationException(
                $"No analyzer in {source} reports {string.Join(", ", missing)}; check the package version.");
        }

        return new AnalyzerConfiguration(label, name, source, selected, rules);
    }
}
