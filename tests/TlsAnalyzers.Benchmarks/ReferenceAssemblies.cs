using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace TlsAnalyzers.Benchmarks;

/// <summary>
/// The .NET and ASP.NET Core reference assemblies of the SDK that runs the benchmark, found on disk so nothing is
/// downloaded at run time.
/// </summary>
/// <param name="Description">Which packs were used, for the report.</param>
/// <param name="References">One metadata reference per assembly, shared by every compilation of the run.</param>
internal sealed record ReferenceAssemblies(string Description, ImmutableArray<MetadataReference> References)
{
    private const string NetCorePack = "Microsoft.NETCore.App.Ref";
    private const string AspNetCorePack = "Microsoft.AspNetCore.App.Ref";

    public static ReferenceAssemblies Find()
    {
        var dotnetRoot = FindDotNetRoot();
        var netCore = FindPackDirectory(dotnetRoot, NetCorePack);
        var aspNetCore = FindPackDirectory(dotnetRoot, AspNetCorePack);

        var references = Directory.EnumerateFiles(netCore, "*.dll")
            .Concat(Directory.EnumerateFiles(aspNetCore, "*.dll"))
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

        var description = $"{Describe(dotnetRoot, netCore)} and {Describe(dotnetRoot, aspNetCore)}";
        return new ReferenceAssemblies(description, references);
    }

    // The running runtime lives in <root>/shared/Microsoft.NETCore.App/<version>; the packs sit beside shared/.
    private static string FindDotNetRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(Path.Combine(fromEnvironment, "packs")))
        {
            return fromEnvironment;
        }

        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
        var root = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        if (!Directory.Exists(Path.Combine(root, "packs")))
        {
            throw new InvalidOperationException(
                $"No reference packs found: '{root}/packs' does not exist. Run the benchmark with the dotnet host of "
                + "an installed .NET SDK, or set DOTNET_ROOT to the SDK's root folder.");
        }

        return root;
    }

    // Takes the newest pack version, then its one target framework folder (ref/net10.0 in a .NET 10 pack).
    private static string FindPackDirectory(string dotnetRoot, string packName)
    {
        var packRoot = Path.Combine(dotnetRoot, "packs", packName);
        var version = Directory.Exists(packRoot)
            ? Directory.EnumerateDirectories(packRoot).MaxBy(ParseVersion)
            : null;
        var refFolder = version is null ? null : Path.Combine(version, "ref");
        var frameworkFolder = refFolder is not null && Directory.Exists(refFolder)
            ? Directory.EnumerateDirectories(refFolder).MaxBy(path => path, StringComparer.Ordinal)
            : null;
        if (frameworkFolder is null)
        {
            throw new InvalidOperationException(
                $"The reference pack {packName} was not found under '{packRoot}'. Install a .NET SDK that includes "
                + "ASP.NET Core (the pack ships with it).");
        }

        return frameworkFolder;
    }

    private static Version ParseVersion(string directory)
    {
        var name = Path.GetFileName(directory);
        var release = name.Split('-')[0];
        return Version.TryParse(release, out var version) ? version : new Version(0, 0);
    }

    private static string Describe(string dotnetRoot, string packFolder) =>
        Path.GetRelativePath(Path.Combine(dotnetRoot, "packs"), packFolder).Replace('\\', '/');
}
