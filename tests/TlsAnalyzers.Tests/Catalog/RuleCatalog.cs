using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TlsAnalyzers.Tests.Catalog;

/// <summary>Every analyzer, code fix and descriptor that the two shipped assemblies contain.</summary>
internal static class RuleCatalog
{
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        CreateAll<DiagnosticAnalyzer>(typeof(RuleIds).Assembly.GetTypes());

    public static ImmutableArray<CodeFixProvider> CodeFixes { get; } =
        CreateAll<CodeFixProvider>(typeof(TlsAnalyzers.CodeFixes.CodeFixAssemblyMarker).Assembly.GetTypes());

    /// <summary>Descriptors by ID; several analyzers may share one descriptor (TLS000).</summary>
    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = Analyzers
        .SelectMany(analyzer => analyzer.SupportedDiagnostics)
        .GroupBy(descriptor => descriptor.Id, StringComparer.Ordinal)
        .Select(group => group.First())
        .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal)
        .ToImmutableArray();

    public static IEnumerable<object[]> DescriptorIds() => Descriptors.Select(descriptor => new object[] { descriptor.Id });

    public static DiagnosticDescriptor Get(string id) => Descriptors.Single(descriptor => descriptor.Id == id);

    private static ImmutableArray<T> CreateAll<T>(IEnumerable<Type> types)
    {
        return types
            .Where(type => typeof(T).IsAssignableFrom(type) && !type.IsAbstract)
            .Where(type => type.GetCustomAttributes(inherit: false)
                .Any(attribute => attribute is DiagnosticAnalyzerAttribute or ExportCodeFixProviderAttribute))
            .Select(type => (T)Activator.CreateInstance(type)!)
            .ToImmutableArray();
    }
}
