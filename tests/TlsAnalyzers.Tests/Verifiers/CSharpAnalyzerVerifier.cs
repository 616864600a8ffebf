using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace TlsAnalyzers.Tests.Verifiers;

/// <summary>
/// Runs one analyzer on C# sources written in markup: <c>{|TLS001:SslProtocols.Tls|}</c> marks an expected
/// diagnostic and its span. Unmarked diagnostics fail the test, and so do compiler errors that the source does
/// not mark itself (<c>{|CS1002:|}</c>).
/// </summary>
internal static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task VerifyAnalyzerAsync(string source, ReferenceAssemblies? references = null)
    {
        var test = CreateTest(source, references);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// Runs the analyzer on one span of <paramref name="source"/>, as the IDE does for the code around the caret, and
    /// returns its diagnostics.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> GetSpanDiagnosticsAsync(
        string source, TextSpan span, ReferenceAssemblies? references = null)
    {
        var resolved = await (references ?? ReferenceSets.Net80).ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create(
            "Span", [tree], resolved, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var withAnalyzers = compilation.WithAnalyzers([new TAnalyzer()]);
        return await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(
            compilation.GetSemanticModel(tree), span, CancellationToken.None);
    }

    /// <summary>Creates a test to adjust before running: extra files, .editorconfig text, expected diagnostics.</summary>
    public static Test CreateTest(string source, ReferenceAssemblies? references = null)
    {
        var test = new Test { TestCode = source, ReferenceAssemblies = references ?? ReferenceSets.Net80 };
        return test;
    }

    internal sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
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
