using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using TlsAnalyzers.Benchmarks.Analysis;
using TlsAnalyzers.Benchmarks.Corpus;
using TlsAnalyzers.Benchmarks.Measurement;
using TlsAnalyzers.Benchmarks.Reporting;

namespace TlsAnalyzers.Benchmarks;

/// <summary>
/// Measures what TlsAnalyzers costs in a compilation, side by side with the TLS rules of NetAnalyzers and Sonar, on
/// one corpus in one process. The report goes to standard output as Markdown, progress to standard error.
/// </summary>
internal static class Program
{
    private static readonly double[] ScalingFactors = [1, 2, 4, 8];

    public static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error, CancellationToken.None);

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        if (args.Any(arg => arg is "--help" or "-h"))
        {
            output.WriteLine(BenchmarkOptions.Usage);
            return 0;
        }

        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (ArgumentException exception)
        {
            progress.WriteLine(exception.Message);
            progress.WriteLine(BenchmarkOptions.Usage);
            return 2;
        }

        try
        {
            await RunAsync(options, output, progress, cancellationToken);
            return 0;
        }
        catch (InvalidOperationException exception)
        {
            progress.WriteLine($"Benchmark failed: {exception.Message}");
            return 1;
        }
    }

    private static async Task RunAsync(
        BenchmarkOptions options, TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        if (options.WriteCorpusDirectory is { } target)
        {
            var written = GeneratedCorpus.Create(options.Scale).WriteTo(target);
            output.WriteLine($"Wrote {written} files to {target}");
            return;
        }

        var references = ReferenceAssemblies.Find();
        var configurations = AnalyzerCatalog.Load();
        output.WriteLine("# TlsAnalyzers benchmark");
        output.WriteLine();

        if (options.ProfileLabel is { } label)
        {
            configurations = [.. configurations.Where(configuration => configuration.Label == label)];
        }

        var actionTimes = options.TimeActions ? new ActionTimes() : null;
        if (actionTimes is not null)
        {
            configurations = [.. configurations.Select(configuration => configuration with
            {
                Analyzers = [.. configuration.Analyzers.Select(
                    analyzer => (DiagnosticAnalyzer)new ActionTimingAnalyzer(analyzer, actionTimes))],
            })];
        }

        if (!options.Scaling)
        {
            var corpus = options.CorpusDirectory is { } directory
                ? FolderCorpus.Load(directory)
                : GeneratedCorpus.Create(options.Scale);
            var result = await Measure(corpus);
            if (options.ProfileLabel is null)
            {
                ResultReport.Write(result, output);
            }
            else
            {
                ResultReport.WriteProfile(result, output);
            }

            if (actionTimes is not null)
            {
                ResultReport.WriteActionTimes(actionTimes.Rounds().Skip(options.WarmupRounds).ToList(), output);
            }

            return;
        }

        var results = new List<(double Scale, BenchmarkResult Result)>();
        foreach (var factor in ScalingFactors)
        {
            var scale = options.Scale * factor;
            var result = await Measure(GeneratedCorpus.Create(scale));
            ResultReport.Write(result, output);
            results.Add((scale, result));
        }

        ScalingReport.Write(results, output);

        Task<BenchmarkResult> Measure(CodeCorpus corpus)
        {
            progress.WriteLine($"Corpus: {corpus.Description}, {corpus.LineCount} lines");
            var session = new BenchmarkSession(
                corpus, references, configurations, progress, perAnalyzerProgress: options.ProfileLabel is not null);
            return session.RunAsync(options.WarmupRounds, options.Repetitions, cancellationToken);
        }
    }
}
