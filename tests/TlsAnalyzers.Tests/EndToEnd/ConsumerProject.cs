using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace TlsAnalyzers.Tests.EndToEnd;

/// <summary>
/// A new net8.0 web project that installs the packed TlsAnalyzers package, with the sources under
/// <c>EndToEnd/Consumer</c>. A source line that should raise a diagnostic ends with <c>// expect: TLS001</c>
/// (several IDs separated by commas).
/// </summary>
internal sealed partial class ConsumerProject
{
    private const string ProjectFileName = "Consumer.csproj";

    private ConsumerProject(string folder)
    {
        Folder = folder;
    }

    public string Folder { get; }

    public string ProjectPath => Path.Combine(Folder, ProjectFileName);

    public static ConsumerProject Create(string parentFolder, string feedFolder, string packageVersion)
    {
        var folder = Path.Combine(parentFolder, "consumer");
        Directory.CreateDirectory(folder);
        foreach (var source in Directory.GetFiles(RepositoryPaths.Combine("tests", "TlsAnalyzers.Tests", "EndToEnd", "Consumer"), "*.cs"))
        {
            File.Copy(source, Path.Combine(folder, Path.GetFileName(source)));
        }

        File.WriteAllText(Path.Combine(folder, ProjectFileName), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <!-- Legacy TLS code uses ServicePointManager and WebRequest, obsolete since .NET 6. -->
                <NoWarn>$(NoWarn);SYSLIB0014</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="TlsAnalyzers" Version="{packageVersion}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);

        // Adds the temporary feed next to the sources the machine already uses; nothing is cleared.
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="tlsanalyzers-e2e" value="{feedFolder}" />
              </packageSources>
            </configuration>
            """);

        return new ConsumerProject(folder);
    }

    /// <summary>Expected diagnostics as "File.cs:line: TLSnnn", one entry per expected diagnostic, sorted.</summary>
    public IReadOnlyList<string> ReadExpectedDiagnostics()
    {
        var expected = new List<string>();
        foreach (var path in Directory.GetFiles(Folder, "*.cs"))
        {
            var lines = File.ReadAllLines(path);
            for (var index = 0; index < lines.Length; index++)
            {
                var match = ExpectMarker().Match(lines[index]);
                if (!match.Success)
                {
                    continue;
                }

                foreach (var id in match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries))
                {
                    expected.Add($"{Path.GetFileName(path)}:{index + 1}: {id}");
                }
            }
        }

        return Sort(expected);
    }

    /// <summary>
    /// TLS diagnostics in build output, in the form of <see cref="ReadExpectedDiagnostics"/>. MSBuild repeats every
    /// error in its summary, so each distinct file, position and ID counts once.
    /// </summary>
    public static IReadOnlyList<string> ParseTlsDiagnostics(string buildOutput)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<string>();
        foreach (Match match in BuildDiagnostic().Matches(buildOutput))
        {
            var file = Path.GetFileName(match.Groups["path"].Value);
            var key = $"{file}:{match.Groups["line"].Value}:{match.Groups["column"].Value}: {match.Groups["id"].Value}";
            if (distinct.Add(key))
            {
                found.Add($"{file}:{match.Groups["line"].Value}: {match.Groups["id"].Value}");
            }
        }

        return Sort(found);
    }

    /// <summary>Errors that are not TLS diagnostics (compiler errors, restore failures), one line each.</summary>
    public static IReadOnlyList<string> ParseOtherErrors(string buildOutput) => buildOutput
        .Split('\n')
        .Where(line => line.Contains(": error ", StringComparison.Ordinal) && !TlsError().IsMatch(line))
        .Select(line => line.Trim())
        .Distinct(StringComparer.Ordinal)
        .ToList();

    private static List<string> Sort(List<string> entries)
    {
        entries.Sort(StringComparer.Ordinal);
        return entries;
    }

    [GeneratedRegex(@"//\s*expect:\s*(?<ids>TLS\d{3}(\s*,\s*TLS\d{3})*)\s*$")]
    private static partial Regex ExpectMarker();

    [GeneratedRegex(@"(?<path>[^\s(]+\.cs)\((?<line>\d+),(?<column>\d+)\): (error|warning) (?<id>TLS\d{3}):")]
    private static partial Regex BuildDiagnostic();

    [GeneratedRegex(@": error TLS\d{3}:")]
    private static partial Regex TlsError();
}
