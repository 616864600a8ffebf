using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TlsAnalyzers.Benchmarks.Analysis;

/// <summary>
/// Loads the analyzer assemblies of one package folder into their own load context, as a compiler host does, so a
/// package's private dependencies (Sonar's Google.Protobuf) never clash with the benchmark's.
/// </summary>
internal sealed class PeerAnalyzerLoader : IAnalyzerAssemblyLoader
{
    private readonly FolderLoadContext context;

    public PeerAnalyzerLoader(string folder)
    {
        context = new FolderLoadContext(folder);
    }

    public void AddDependencyLocation(string fullPath)
    {
        // Dependencies resolve from the package folder in FolderLoadContext.Load; nothing to record.
    }

    public Assembly LoadFromPath(string fullPath)
    {
        var name = AssemblyName.GetAssemblyName(fullPath).Name;
        return context.Assemblies.FirstOrDefault(assembly => assembly.GetName().Name == name)
            ?? context.LoadFromAssemblyPath(fullPath);
    }

    /// <summary>
    /// Creates the C# analyzers of every assembly in <paramref name="folder"/>. A load failure throws, because a
    /// comparison with a peer that silently lost its analyzers would be wrong.
    /// </summary>
    public static IReadOnlyList<DiagnosticAnalyzer> LoadCSharpAnalyzers(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException(
                $"Analyzer folder '{folder}' not found. Restore and build the benchmark project on this machine: "
                + "the restore downloads the peer packages there.");
        }

        var loader = new PeerAnalyzerLoader(folder);
        var analyzers = new List<DiagnosticAnalyzer>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
        {
            var reference = new AnalyzerFileReference(path, loader);
            reference.AnalyzerLoadFailed += (_, failure) => throw new InvalidOperationException(
                $"Loading analyzers from '{path}' failed: {failure.Message}", failure.Exception);
            analyzers.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
        }

        return analyzers;
    }

    private sealed class FolderLoadContext(string folder) : AssemblyLoadContext(isCollectible: false)
    {
        // Roslyn and the framework must be the host's own copies: the analyzers' types derive from Roslyn's.
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            try
            {
                return Default.LoadFromAssemblyName(assemblyName);
            }
            catch (FileNotFoundException)
            {
                return LoadFromFolder(assemblyName);
            }
            catch (FileLoadException)
            {
                return LoadFromFolder(assemblyName);
            }
        }

        private Assembly? LoadFromFolder(AssemblyName assemblyName)
        {
            var path = Path.Combine(folder, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
