using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TlsAnalyzers.Benchmarks.Corpus;

/// <summary>
/// Generates the default corpus: modules of ordinary application code with one TLS snippet mixed in about every
/// 1,000 lines. The same scale always yields the same text, and a larger scale extends a smaller one's modules.
/// </summary>
internal static class GeneratedCorpus
{
    public const int LinesAtScaleOne = 100_000;

    private const int LinesPerTlsSite = 1_000;

    private static readonly string[] Entities =
    [
        "Order", "Invoice", "Customer", "Shipment", "Product", "Ticket", "Payment", "Account",
        "Booking", "Report", "Device", "Sensor", "Course", "Patient", "Vehicle", "Contract",
    ];

    private static readonly string[] Areas =
    [
        "Billing", "Sales", "Logistics", "Support", "Catalog", "Identity", "Scheduling", "Telemetry",
    ];

    public static CodeCorpus Create(double scale)
    {
        var stopwatch = Stopwatch.StartNew();
        var targetLines = (int)Math.Round(LinesAtScaleOne * scale);
        var random = new DeterministicRandom(20_241_204);
        var trees = ImmutableArray.CreateBuilder<SyntaxTree>();
        var lineCount = 0;
        var tlsSites = 0;

        for (var module = 0; lineCount < targetLines; module++)
        {
            // A snippet is due when the lines so far, rounded to the nearest thousand, call for one more.
            var snippets = new List<TlsSnippet>();
            while (tlsSites < (lineCount + 500) / LinesPerTlsSite)
            {
                snippets.Add(TlsCodeTemplates.Snippets[tlsSites % TlsCodeTemplates.Snippets.Length]);
                tlsSites++;
            }

            var text = WriteModule(module, random, snippets);
            lineCount += CodeCorpus.CountLines(text);
            var path = $"Generated/Module{module:D4}.cs";
            trees.Add(CSharpSyntaxTree.ParseText(text, CodeCorpus.ParseOptions, path, Encoding.UTF8));
        }

        var description = $"generated, scale {scale.ToString(CultureInfo.InvariantCulture)} ({trees.Count} files)";
        return new CodeCorpus(description, trees.ToImmutable(), lineCount, tlsSites, stopwatch.Elapsed);
    }

    /// <summary>Writes the application code of module <paramref name="module"/>, then the snippets.</summary>
    internal static string WriteModule(int module, DeterministicRandom random, IReadOnlyList<TlsSnippet> snippets)
    {
        var entity = Entities[module % Entities.Length] + module.ToString(CultureInfo.InvariantCulture);
        var area = Areas[random.Next(Areas.Length)];
        var text = new StringBuilder();

        var usings = ApplicationCodeTemplates.Usings.Concat(snippets.SelectMany(s => s.Usings)).Distinct();
        foreach (var name in usings.OrderBy(n => n.StartsWith("System", StringComparison.Ordinal) ? 0 : 1)
                     .ThenBy(n => n, StringComparer.Ordinal))
        {
            text.Append("using ").Append(name).Append(";\n");
        }

        text.Append("\nnamespace Contoso.").Append(area).Append(".Module").Append(module).Append(";\n\n");
        text.Append(ApplicationCodeTemplates.Model).Append('\n');
        text.Append(ApplicationCodeTemplates.ServiceStart).Append('\n');
        var methodCount = 10 + random.Next(9);
        for (var method = 0; method < methodCount; method++)
        {
            var templates = ApplicationCodeTemplates.ServiceMethods;
            var template = templates[random.Next(templates.Length)];
            text.Append(template.Replace("$N$", Number(method), StringComparison.Ordinal));
            text.Append('\n');
        }

        text.Append(ApplicationCodeTemplates.ServiceEnd).Append('\n');
        text.Append(ApplicationCodeTemplates.Extensions);
        for (var index = 0; index < snippets.Count; index++)
        {
            var code = snippets[index].Code.Replace("$K$", Number(index), StringComparison.Ordinal);
            text.Append('\n').Append(code);
        }

        return text.Replace("$E$", entity).ToString();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// SplitMix64: a fixed algorithm, so the corpus does not change when a .NET version changes
    /// <see cref="Random"/>'s sequence.
    /// </summary>
    internal sealed class DeterministicRandom(ulong seed)
    {
        private ulong state = seed;

        public int Next(int exclusiveMaximum)
        {
            state += 0x9E3779B97F4A7C15;
            var mixed = state;
            mixed = (mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9;
            mixed = (mixed ^ (mixed >> 27)) * 0x94D049BB133111EB;
            mixed ^= mixed >> 31;
            return (int)(mixed % (ulong)exclusiveMaximum);
        }
    }
}
