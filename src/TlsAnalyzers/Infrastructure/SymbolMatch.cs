using Microsoft.CodeAnalysis;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Symbol comparisons for callbacks that run on every field reference, conversion or call of a compilation.
/// </summary>
internal static class SymbolMatch
{
    /// <summary>
    /// Compares like <see cref="SymbolEqualityComparer.Default"/>, but rejects most symbols with a reference and a
    /// name comparison. Roslyn usually returns the same object for a symbol, so the full comparison runs only for
    /// symbols of the same name, such as a copy of the type with a nullable annotation or a user type of that name.
    /// </summary>
    public static bool Is(ISymbol? candidate, ISymbol? expected)
    {
        if (ReferenceEquals(candidate, expected))
        {
            return true;
        }

        return candidate is not null
            && expected is not null
            && string.Equals(candidate.Name, expected.Name, System.StringComparison.Ordinal)
            && SymbolEqualityComparer.Default.Equals(candidate, expected);
    }
}
