using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Reads TlsAnalyzers settings from .editorconfig files (keys such as <c>tls_analyzers.TLS002.skip_test_projects</c>)
/// and MSBuild properties that the package's build props make visible to the compiler.
/// </summary>
internal static class AnalyzerOptionReader
{
    /// <summary>Prefix of every TlsAnalyzers .editorconfig key.</summary>
    public const string KeyPrefix = "tls_analyzers.";

    /// <summary>
    /// Returns the raw value of <paramref name="key"/> for <paramref name="tree"/>, or null when no .editorconfig
    /// section that applies to the file sets it.
    /// </summary>
    public static string? GetRawValue(AnalyzerOptions options, SyntaxTree tree, string key)
    {
        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        return config.TryGetValue(key, out var value) ? value.Trim() : null;
    }

    /// <summary>
    /// Reads a boolean option. A value other than true or false leaves <paramref name="defaultValue"/> in force and
    /// comes back in <paramref name="invalidValue"/>, so the caller can report it instead of throwing.
    /// </summary>
    public static bool GetBoolean(
        AnalyzerOptions options, SyntaxTree tree, string key, bool defaultValue, out string? invalidValue)
    {
        invalidValue = null;
        var raw = GetRawValue(options, tree, key);
        if (raw is null)
        {
            return defaultValue;
        }

        if (bool.TryParse(raw, out var parsed))
        {
            return parsed;
        }

        invalidValue = raw;
        return defaultValue;
    }

    /// <summary>
    /// Returns an MSBuild property passed to the compiler through <c>CompilerVisibleProperty</c>, or null when the
    /// property is absent or empty.
    /// </summary>
    public static string? GetMSBuildProperty(AnalyzerOptions options, string propertyName)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        if (global.TryGetValue("build_property." + propertyName, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }

        return null;
    }
}
