using System.Collections.Immutable;

namespace TlsAnalyzers.Tests.Robustness;

/// <summary>Small programs in the settings real projects use; filled in below.</summary>
internal static class RealProjectPrograms
{
    public static ImmutableArray<CorpusEntry> All { get; } = [];
}
