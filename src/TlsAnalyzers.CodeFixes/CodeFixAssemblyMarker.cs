namespace TlsAnalyzers.CodeFixes;

/// <summary>A type whose assembly is the code-fix assembly, for tests and tools that load fixes by reflection.</summary>
public static class CodeFixAssemblyMarker
{
}
