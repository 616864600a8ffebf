using System;
using System.IO;

using Xunit.Abstractions;

namespace TlsAnalyzers.Tests.Robustness;

/// <summary>
/// Publishes the counts of the robustness checks. xunit shows ITestOutputHelper text only for failed tests, so each
/// check also appends its summary line to <c>artifacts/robustness-summary.txt</c>, which the test project prints
/// at the end of <c>dotnet test</c>, and writes it to standard output for runners that show it.
/// </summary>
internal static class RobustnessReport
{
    private static readonly object Lock = new();

    public static string SummaryPath => RepositoryPaths.Combine("artifacts", "robustness-summary.txt");

    public static void Publish(ITestOutputHelper output, string line)
    {
        output.WriteLine(line);
        Console.WriteLine(line);

        lock (Lock)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(SummaryPath)!);
            File.AppendAllText(SummaryPath, line + Environment.NewLine);
        }
    }
}
