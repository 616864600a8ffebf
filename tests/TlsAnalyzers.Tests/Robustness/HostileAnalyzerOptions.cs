using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TlsAnalyzers.Tests.Robustness;

/// <summary>
/// Analyzer options that return, for every TlsAnalyzers .editorconfig key and every MSBuild property, a value drawn
/// from a list of malformed and edge-case values, so that option parsing is fuzzed without knowing the option names.
/// The value depends only on the key and the seed, so a run replays exactly.
/// </summary>
internal sealed class HostileAnalyzerOptions : AnalyzerConfigOptionsProvider
{
    private static readonly string[] Values =
    [
        "", " ", "true", "false", "True", "maybe", "0", "-1", "99999999999999999999", "1e309", "NaN",
        "Tls12", "tls13,ssl3", ",,", "\t", "none", "*", "net8.0", "win-x64", "Windows", "#", "\u00e9",
    ];

    private readonly Options options;

    public HostileAnalyzerOptions(int seed)
    {
        options = new Options(seed);
    }

    public override AnalyzerConfigOptions GlobalOptions => options;

    public static AnalyzerOptions Create(int seed) => new([], new HostileAnalyzerOptions(seed));

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;

    private sealed class Options(int seed) : AnalyzerConfigOptions
    {
        public override IEnumerable<string> Keys => ImmutableArray<string>.Empty;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            var applies = key.StartsWith("tls_analyzers.", StringComparison.Ordinal)
                || key.StartsWith("build_property.", StringComparison.Ordinal);

            // string.GetHashCode is randomized per process; a stable hash keeps the seed meaningful across runs.
            value = applies ? Values[(int)((uint)(StableHash(key) ^ seed) % (uint)Values.Length)] : null;
            return value is not null;
        }

        private static int StableHash(string text)
        {
            var hash = 17;
            foreach (var character in text)
            {
                hash = unchecked((hash * 31) + character);
            }

            return hash;
        }
    }
}
