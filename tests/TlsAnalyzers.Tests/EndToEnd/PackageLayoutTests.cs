using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace TlsAnalyzers.Tests.EndToEnd;

/// <summary>Checks the packed .nupkg: what users install must load as an analyzer and add nothing to their app.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PackageLayoutTests
{
    private readonly PackageFixture package;

    public PackageLayoutTests(PackageFixture package)
    {
        this.package = package;
    }

    [Fact]
    public void Package_ContainsAnalyzersOnly()
    {
        Assert.True(package.PackagePath is not null, package.PackResult.ToString());
        using var archive = ZipFile.OpenRead(package.PackagePath!);
        var entries = archive.Entries.Select(entry => entry.FullName).ToList();

        Assert.Contains("analyzers/dotnet/cs/TlsAnalyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/TlsAnalyzers.CodeFixes.dll", entries);
        Assert.Contains("build/TlsAnalyzers.props", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, entry => entry.StartsWith("lib/", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Package_MetadataIsComplete()
    {
        Assert.True(package.PackagePath is not null, package.PackResult.ToString());
        using var archive = ZipFile.OpenRead(package.PackagePath!);
        using var nuspecStream = archive.Entries.Single(entry => entry.FullName == "TlsAnalyzers.nuspec").Open();
        var metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(element => element.Name.LocalName == "metadata");

        string? Value(string name) => metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name)?.Value;

        Assert.Equal("TlsAnalyzers", Value("id"));
        Assert.Equal("true", Value("developmentDependency"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Contains("tls", Value("tags") ?? string.Empty, System.StringComparison.Ordinal);
        Assert.NotNull(metadata.Elements().SingleOrDefault(element => element.Name.LocalName == "repository"));
        Assert.Empty(metadata.Elements().Where(element => element.Name.LocalName == "dependencies").Elements());
    }
}
