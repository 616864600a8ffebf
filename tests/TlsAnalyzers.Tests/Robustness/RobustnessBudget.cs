using System;
using System.Globalization;

namespace TlsAnalyzers.Tests.Robustness;

/// <summary>
/// How much work the robustness checks do, read from environment variables so that a longer run needs no code
/// change:
/// <list type="bullet">
/// <item><c>TLS_FUZZ_MUTANTS</c>: number of mutants to analyze (default 2000; 0 means no count limit).</item>
/// <item><c>TLS_FUZZ_SECONDS</c>: stop fuzzing after this many seconds (default: no time limit).</item>
/// <item><c>TLS_FUZZ_SEED</c>: seed of the first mutant (default 1); mutant <c>i</c> uses seed + i.</item>
/// </list>
/// To replay a failing mutant, run the fuzz test with <c>TLS_FUZZ_SEED</c> set to the seed that the failure printed
/// and <c>TLS_FUZZ_MUTANTS=1</c>.
/// </summary>
internal sealed record RobustnessBudget(int Mutants, TimeSpan? Duration, int Seed)
{
    public const int DefaultMutants = 2000;

    public static RobustnessBudget FromEnvironment()
    {
        var mutants = ReadInt("TLS_FUZZ_MUTANTS") ?? DefaultMutants;
        var seconds = ReadInt("TLS_FUZZ_SECONDS");
        var seed = ReadInt("TLS_FUZZ_SEED") ?? 1;
        return new RobustnessBudget(
            mutants == 0 ? int.MaxValue : mutants,
            seconds is null ? null : TimeSpan.FromSeconds(seconds.Value),
            seed);
    }

    private static int? ReadInt(string name)
    {
        var raw = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0)
        {
            return value;
        }

        throw new InvalidOperationException($"{name}='{raw}' is invalid: expected a non-negative integer.");
    }
}
