using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TlsAnalyzers.Benchmarks.Analysis;
using TlsAnalyzers.Benchmarks.Corpus;

namespace TlsAnalyzers.Benchmarks.Measurement;

/// <summary>Results of all configurations on one corpus, in the order the configurations were given.</summary>
internal sealed record BenchmarkResult(
    CodeCorpus Corpus,
    ReferenceAssemblies References,
    int WarmupRounds,
    IReadOnlyList<ConfigurationSummary> Summaries);

/// <summary>
/// Runs every configuration once per round, rotating the order each round (A B C D, then B C D A, ...), so drift on
/// a shared machine (another process, thermal throttling, a background GC) falls on every configuration alike.
/// </summary>
internal sealed class BenchmarkSession(
    CodeCorpus corpus,
    ReferenceAssemblies references,
    IReadOnlyList<AnalyzerConfiguration> configurations,
    TextWriter progress,
    bool perAnalyzerProgress = false)
{
    public async Task<BenchmarkResult> RunAsync(int warmupRounds, int repetitions, CancellationToken cancellationToken)
    {
        var runner = new ConfigurationRunner(corpus, references);
        var runs = configurations.ToDictionary(configuration => configuration, _ => new List<RunMeasurement>());

        for (var round = 0; round < warmupRounds + repetitions; round++)
        {
            var measured = round >= warmupRounds;
            foreach (var configuration in RotatedOrder(round))
            {
                var measurement = await runner.MeasureAsync(configuration, cancellationToken);
                ReportProgress(measured ? round - warmupRounds : round, measured, configuration, measurement);
                if (measured)
                {
                    runs[configuration].Add(measurement);
                }
            }
        }

        var summaries = configurations.Select(c => new ConfigurationSummary(c, runs[c])).ToList();
        return new BenchmarkResult(corpus, references, warmupRounds, summaries);
    }

    public IEnumerable<AnalyzerConfiguration> RotatedOrder(int round)
    {
        var start = round % configurations.Count;
        return configurations.Skip(start).Concat(configurations.Take(start));
    }

    private void ReportProgress(int roundOfKind, bool measured, AnalyzerConfiguration configuration, RunMeasurement run)
    {
        var kind = measured ? "round" : "warm-up";
        progress.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{kind} {roundOfKind + 1}: {configuration.Label} {configuration.Name}: wall {run.Wall.TotalSeconds:F3} s, "
            + $"CPU {run.Cpu.TotalSeconds:F3} s, analyzers {run.AnalyzerTime.TotalMilliseconds:F1} ms"));

        // A profiling run shows which analyzer a slow round came from, since single rounds differ widely.
        if (perAnalyzerProgress)
        {
            foreach (var (analyzer, time) in run.AnalyzerTimes.OrderByDescending(pair => pair.Value))
            {
                progress.WriteLine(string.Create(
                    CultureInfo.InvariantCulture, $"    {analyzer}: {time.TotalMilliseconds:F1} ms"));
            }
        }
    }
}
