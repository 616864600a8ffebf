using System;
using System.IO;

namespace TlsAnalyzers.Tests;

/// <summary>Locates files of this repository from the test's output folder.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder that contains TlsAnalyzers.sln.</summary>
    public static string Root => RootPath.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TlsAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            "TlsAnalyzers.sln was not found above " + AppContext.BaseDirectory + "; run the tests from the repository.");
    }
}
