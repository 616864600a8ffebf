using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TlsAnalyzers.Tests.Robustness;

/// <summary>
/// Runs analyzers on mutants of the corpus and collects every crash and hang, each with the seed that replays it.
/// </summary>
internal sealed class AnalyzerFuzzer(
    CompilationFactory factory, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CorpusEntry> corpus)
{
    private readonly ImmutableArray<string> donors =
        [.. corpus.SelectMany(entry => entry.Files).Select(file => file.Text)];

    // An analyzer that loops on broken code hangs the IDE; no mutant takes a correct analyzer this long.
    private static readonly TimeSpan MutantTimeout = TimeSpan.FromSeconds(60);

    public async Task<FuzzResult> RunAsync(RobustnessBudget budget, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        var mutants = 0;
        var mutantsWithDiagnostics = 0;

        for (var index = 0; index < budget.Mutants && !IsOverTime(budget, stopwatch); index++)
        {
            var outcome = await RunMutantAsync(budget.Seed + index, cancellationToken);
            mutants++;
            mutantsWithDiagnostics += outcome.HasDiagnostics ? 1 : 0;
            if (outcome.Failure is not null)
            {
                failures.Add(outcome.Failure);
            }
        }

        return new FuzzResult(mutants, mutantsWithDiagnostics, stopwatch.Elapsed, failures);
    }

    /// <summary>
    /// Runs the mutant of <paramref name="seed"/> and returns a failure report (null when it passed) and whether the
    /// analyzers reported anything on it.
    /// </summary>
    public async Task<(string? Failure, bool HasDiagnostics)> RunMutantAsync(int seed, CancellationToken cancellationToken)
    {
        var mutant = CreateMutant(seed);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(MutantTimeout);

        try
        {
            var references = mutant.Framework switch
            {
                TargetFramework.NetFramework48 => factory.NetFrameworkReferences,
                TargetFramework.NetStandard20 => factory.NetStandardReferences,
                _ => factory.References,
            };
            var compilation = factory.Create(mutant.Entry, mutant.Files, references);
            var options = mutant.UsesHostileOptions ? HostileAnalyzerOptions.Create(seed) : null;
            var run = await AnalyzerRunner.RunAsync(compilation, analyzers, options, timeout.Token);
            var failure = run.Crashes.IsEmpty ? null : Describe(seed, mutant, string.Join("\n", run.Crashes));
            return (failure, !run.Diagnostics.IsEmpty);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (Describe(seed, mutant, $"the analyzers did not finish within {MutantTimeout.TotalSeconds} s"), false);
        }
    }

    /// <summary>
    /// Picks a corpus entry and one of its files, and applies one to three mutations to that file. In one mutant
    /// of four, every option lookup returns a malformed value. One mutant of five compiles against .NET Framework
    /// 4.8 or netstandard2.0 instead of .NET 8.
    /// </summary>
    public Mutant CreateMutant(int seed)
    {
        var random = new Random(seed);
        var entry = corpus[random.Next(corpus.Length)];
        var fileIndex = random.Next(entry.Files.Length);
        var text = entry.Files[fileIndex].Text;
        var mutator = new SourceMutator(random, donors);
        var applied = new List<string>();

        for (var count = 1 + random.Next(3); count > 0; count--)
        {
            (var name, text) = mutator.MutateOnce(text, factory.ParseOptions);
            applied.Add(name);
        }

        var files = entry.Files.SetItem(fileIndex, entry.Files[fileIndex] with { Text = text });
        var hostileOptions = random.Next(4) == 0;
        var framework = random.Next(10) switch
        {
            0 => TargetFramework.NetFramework48,
            1 => TargetFramework.NetStandard20,
            _ => TargetFramework.Net80,
        };
        return new Mutant(entry, files, fileIndex, applied, hostileOptions, framework);
    }

    private static bool IsOverTime(RobustnessBudget budget, Stopwatch stopwatch) =>
        budget.Duration is { } duration && stopwatch.Elapsed >= duration;

    private static string Describe(int seed, Mutant mutant, string problem)
    {
        var report = new StringBuilder()
            .AppendLine($"Mutant seed {seed} (replay: TLS_FUZZ_SEED={seed} TLS_FUZZ_MUTANTS=1)")
            .AppendLine($"Source: {mutant.Entry.Name}, file {mutant.Files[mutant.FileIndex].Name}")
            .AppendLine($"Mutations: {string.Join(", ", mutant.Mutations)}; hostile options: {mutant.UsesHostileOptions}; "
                + $"references: {mutant.Framework}")
            .AppendLine(problem)
            .AppendLine("----- mutant -----")
            .AppendLine(mutant.Files[mutant.FileIndex].Text)
            .AppendLine("------------------");
        return report.ToString();
    }
}

internal sealed record Mutant(
    CorpusEntry Entry,
    ImmutableArray<CorpusFile> Files,
    int FileIndex,
    IReadOnlyList<string> Mutations,
    bool UsesHostileOptions,
    TargetFramework Framework);

internal enum TargetFramework
{
    Net80,
    NetFramework48,
    NetStandard20,
}

/// <param name="MutantsWithDiagnostics">Mutants on which the analyzers reported something, so their reporting paths ran.</param>
internal sealed record FuzzResult(int Mutants, int MutantsWithDiagnostics, TimeSpan Elapsed, IReadOnlyList<string> Failures);
