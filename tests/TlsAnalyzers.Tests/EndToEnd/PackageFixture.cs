using System;
using System.IO;
using System.Linq;

namespace TlsAnalyzers.Tests.EndToEnd;

/// <summary>
/// Packs TlsAnalyzers once into a temporary feed for the end-to-end tests, and removes the folder afterwards.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        WorkFolder = Path.Combine(Path.GetTempPath(), "tlsanalyzers-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        FeedFolder = Path.Combine(WorkFolder, "feed");
        Cli = new DotNetCli(Path.Combine(WorkFolder, "packages"));
        Directory.CreateDirectory(FeedFolder);

        var project = RepositoryPaths.Combine("src", "TlsAnalyzers.Package", "TlsAnalyzers.Package.csproj");
        PackResult = Cli.Run(RepositoryPaths.Root, "pack", project, "-c", "Release", "-o", FeedFolder,
            "-nodeReuse:false", "-p:UseSharedCompilation=false");

        PackagePath = Directory.GetFiles(FeedFolder, "TlsAnalyzers.*.nupkg").SingleOrDefault();
    }

    public string WorkFolder { get; }

    public string FeedFolder { get; }

    public DotNetCli Cli { get; }

    public CommandResult PackResult { get; }

    /// <summary>The packed .nupkg, or null when packing failed (<see cref="PackResult"/> contains the output).</summary>
    public string? PackagePath { get; }

    /// <summary>The package version, read from the file name <c>TlsAnalyzers.&lt;version&gt;.nupkg</c>.</summary>
    public string PackageVersion =>
        Path.GetFileNameWithoutExtension(PackagePath ?? throw new InvalidOperationException(PackResult.ToString()))
            ["TlsAnalyzers.".Length..];

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkFolder, recursive: true);
        }
        catch (IOException)
        {
            // A build server can still hold a file for a moment; the folder is under the temp path anyway.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
