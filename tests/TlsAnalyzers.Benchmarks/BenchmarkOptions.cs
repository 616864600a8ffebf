using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace TlsAnalyzers.Benchmarks;

/// <summary>Command-line settings of one benchmark run.</summary>
internal sealed record BenchmarkOptions
{
    public const int DefaultRepetitions = 5;

    public const string Usage = """
        Usage: TlsAnalyzers.Benchmarks [--scale N] [--corpus DIR] [--repetitions N] [--warmup N] [--scaling]
                                       [--write-corpus DIR] [--profile LABEL] [--actions] [--help]

          --scale N        size of the generated corpus: 1 is about 100,000 lines, 2, 4, 8 double it;
                           fractions such as 0.05 make a small corpus (default 1)
          --corpus DIR     compile every .cs file under DIR (bin and obj excluded) as one compilation
                           instead of the generated corpus; compile errors are tolerated
          --repetitions N  measured rounds; each round runs every configuration once (default 5)
          --warmup N       unmeasured rounds before the measured ones (default 2)
          --scaling        run the generated corpus at 1, 2, 4 and 8 times --scale and print how time grows
          --write-corpus DIR
                           write the generated corpus at --scale as .cs files under DIR and exit, to read
                           it or build it with the real compiler
          --profile LABEL  run only configuration LABEL (A, B, C or D) for the warm-up and measured
                           rounds and print its per-analyzer times, to record it under a profiler
                           such as dotnet-trace; no comparison and no target table
          --actions        with --profile B: time every action of each TlsAnalyzers analyzer on its own
                           and print each action's calls per round and its minimum and median time
                           over the measured rounds
        """;

    public double Scale { get; init; } = 1;

    public string? CorpusDirectory { get; init; }

    public int Repetitions { get; init; } = DefaultRepetitions;

    // After one warm-up round the JIT was still optimizing the compiler's own code in the background, which made
    // the next round 20% to 70% slower for whichever configuration ran first.
    public int WarmupRounds { get; init; } = 2;

    public bool Scaling { get; init; }

    public string? WriteCorpusDirectory { get; init; }

    /// <summary>Label of the one configuration to run alone under a profiler, or null to compare them all.</summary>
    public string? ProfileLabel { get; init; }

    /// <summary>Whether to time each action of the TlsAnalyzers analyzers on its own (with --profile B only).</summary>
    public bool TimeActions { get; init; }

    /// <summary>Parses <paramref name="args"/>; an invalid argument throws with a message naming it.</summary>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--scale" => options with { Scale = ParseScale(ValueAfter(args, ref i)) },
                "--corpus" => options with { CorpusDirectory = ParseDirectory(ValueAfter(args, ref i)) },
                "--repetitions" => options with
                {
                    Repetitions = ParseCount("--repetitions", ValueAfter(args, ref i), 1),
                },
                "--warmup" => options with { WarmupRounds = ParseCount("--warmup", ValueAfter(args, ref i), 0) },
                "--scaling" => options with { Scaling = true },
                "--write-corpus" => options with { WriteCorpusDirectory = Path.GetFullPath(ValueAfter(args, ref i)) },
                "--profile" => options with { ProfileLabel = ParseLabel(ValueAfter(args, ref i)) },
                "--actions" => options with { TimeActions = true },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'."),
            };
        }

        if (options.CorpusDirectory is not null && (options.Scaling || options.WriteCorpusDirectory is not null))
        {
            throw new ArgumentException(
                "--scaling and --write-corpus work on the generated corpus only; remove --corpus or the other option.");
        }

        if (options.ProfileLabel is not null && options.Scaling)
        {
            throw new ArgumentException("--profile runs one configuration on one corpus; remove --scaling.");
        }

        if (options.TimeActions && options.ProfileLabel != "B")
        {
            throw new ArgumentException("--actions times the TlsAnalyzers actions only; add --profile B.");
        }

        return options;
    }

    private static string ValueAfter(IReadOnlyList<string> args, ref int index)
    {
        if (index + 1 >= args.Count)
        {
            throw new ArgumentException($"Missing value after '{args[index]}'.");
        }

        index++;
        return args[index];
    }

    private static double ParseScale(string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale)
            || scale <= 0
            || scale > 64)
        {
            throw new ArgumentException($"Invalid --scale '{text}': expected a number greater than 0 and at most 64.");
        }

        return scale;
    }

    private static string ParseLabel(string text)
    {
        if (text is not ("A" or "B" or "C" or "D"))
        {
            throw new ArgumentException($"Invalid --profile '{text}': expected A, B, C or D.");
        }

        return text;
    }

    private static int ParseCount(string name, string text, int minimum)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < minimum)
        {
            throw new ArgumentException($"Invalid {name} '{text}': expected a whole number of at least {minimum}.");
        }

        return count;
    }

    private static string ParseDirectory(string text)
    {
        if (!Directory.Exists(text))
        {
            throw new ArgumentException($"Corpus directory '{text}' not found.");
        }

        return Path.GetFullPath(text);
    }
}
