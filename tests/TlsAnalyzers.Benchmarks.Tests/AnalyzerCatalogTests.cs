using System.Linq;
using Microsoft.CodeAnalysis;
using TlsAnalyzers.Benchmarks.Analysis;

namespace TlsAnalyzers.Benchmarks.Tests;

public sealed class AnalyzerCatalogTests
{
    [Fact]
    public void Discover_FindsConcreteCSharpAnalyzersOnly()
    {
        var analyzers = AnalyzerCatalog.DiscoverCSharpAnalyzers(typeof(AnalyzerCatalogTests).Assembly);

        var analyzer = Assert.Single(analyzers);
        Assert.IsType<ClassDeclarationAnalyzer>(analyzer);
    }

    [Fact]
    public void Load_ReturnsFourConfigurationsInOrder()
    {
        var configurations = AnalyzerCatalog.Load();

        Assert.Equal(["A", "B", "C", "D"], configurations.Select(c => c.Label));
        Assert.Empty(configurations[0].Analyzers);
    }

    [Fact]
    public void Load_NetAnalyzers_OnlyTlsRulesEnabled()
    {
        var netAnalyzers = AnalyzerCatalog.Load()[2];
        var options = netAnalyzers.CompilationOptions.SpecificDiagnosticOptions;

        Assert.Equal(AnalyzerCatalog.NetAnalyzersTlsRules, netAnalyzers.RuleIds);
        Assert.NotEmpty(netAnalyzers.Analyzers);
        Assert.All(netAnalyzers.RuleIds, id => Assert.Equal(ReportDiagnostic.Warn, options[id]));
        Assert.All(
            options.Where(pair => !netAnalyzers.RuleIds.Contains(pair.Key)),
            pair => Assert.Equal(ReportDiagnostic.Suppress, pair.Value));
        Assert.All(
            netAnalyzers.Analyzers,
            analyzer => Assert.Contains(AnalyzerConfiguration.SupportedIds(analyzer), netAnalyzers.RuleIds.Contains));
    }

    [Fact]
    public void Load_Sonar_BothRulesEnabled()
    {
        var sonar = AnalyzerCatalog.Load()[3];

        Assert.Equal(["S4423", "S4830"], sonar.RuleIds);
        Assert.Equal(ReportDiagnostic.Warn, sonar.CompilationOptions.SpecificDiagnosticOptions["S4423"]);
        Assert.Equal(ReportDiagnostic.Warn, sonar.CompilationOptions.SpecificDiagnosticOptions["S4830"]);
    }

    [Fact]
    public void Load_TlsAnalyzers_RulesMatchAnalyzers()
    {
        var tlsAnalyzers = AnalyzerCatalog.Load()[1];

        var supported = tlsAnalyzers.Analyzers.SelectMany(AnalyzerConfiguration.SupportedIds).ToHashSet();
        Assert.Equal(supported.Order(), tlsAnalyzers.RuleIds.ToList());
        Assert.All(supported, id => Assert.StartsWith("TLS", id, System.StringComparison.Ordinal));
    }
}
