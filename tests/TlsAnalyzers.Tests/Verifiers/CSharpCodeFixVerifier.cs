using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace TlsAnalyzers.Tests.Verifiers;

/// <summary>
/// Applies a code fix to markup sources and compares the result with the expected code. The testing library also
/// compiles the fixed code: a compiler error there fails the test, and so does a diagnostic the fix left behind.
/// It applies FixAll in document, project and solution scope as well, unless a test narrows that.
/// </summary>
internal static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>
    /// Verifies the fix whose equivalence key is <paramref name="equivalenceKey"/>, or the first one offered when
    /// it is null.
    /// </summary>
    public static Task VerifyCodeFixAsync(
        string source, string fixedSource, string? equivalenceKey = null, ReferenceAssemblies? references = null)
    {
        var test = CreateTest(source, fixedSource, equivalenceKey, references);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Creates a test to adjust before running: extra files, .editorconfig text, iteration counts.</summary>
    public static Test CreateTest(
        string source, string fixedSource, string? equivalenceKey = null, ReferenceAssemblies? references = null)
    {
        var test = new Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
            ReferenceAssemblies = references ?? ReferenceSets.Net80,
        };
        return test;
    }

    internal sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n"));
        }

        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

        /// <summary>Adds .editorconfig lines (<c>key = value</c>) that apply to every source file.</summary>
        public void AddEditorConfig(string lines) => TestState.AnalyzerConfigFiles[0] =
            ("/.editorconfig", SourceText.From("root = true\n\n[*.cs]\n" + lines + "\n"));

        /// <summary>Adds MSBuild properties in the form the compiler receives them (<c>build_property.IsTestProject = true</c>).</summary>
        public void AddGlobalConfig(string lines) =>
            TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + lines + "\n"));

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);
    }
}
