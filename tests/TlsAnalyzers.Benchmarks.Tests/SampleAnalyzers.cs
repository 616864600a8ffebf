using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TlsAnalyzers.Benchmarks.Tests;

/// <summary>A C# analyzer that reports every class declaration, to test discovery and measurement.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ClassDeclarationAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "SAMPLE001",
        "Class declared",
        "Class '{0}' declared",
        "Test",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSymbolAction(ReportClass, SymbolKind.NamedType);
    }

    private static void ReportClass(SymbolAnalysisContext context)
    {
        if (context.Symbol is INamedTypeSymbol { TypeKind: TypeKind.Class } type)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, type.Locations[0], type.Name));
        }
    }
}

/// <summary>An analyzer for Visual Basic only, which the C# discovery must skip.</summary>
[DiagnosticAnalyzer(LanguageNames.VisualBasic)]
internal sealed class VisualBasicOnlyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [ClassDeclarationAnalyzer.Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
    }
}

/// <summary>An abstract analyzer base, which the discovery must skip.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal abstract class AbstractSampleAnalyzer : DiagnosticAnalyzer
{
}

/// <summary>
/// Registers an operation action in a compilation start action, as the TlsAnalyzers rules do, and throws from it on
/// every literal, to test that the timing wrapper still counts a call that throws. A syntax node action on class
/// declarations does nothing, so that the tests can count syntax node calls. It has no [DiagnosticAnalyzer]
/// attribute, so the discovery tests do not find it.
/// </summary>
[SuppressMessage(
    "MicrosoftCodeAnalysisCorrectness",
    "RS1001",
    Justification = "Constructed by the tests directly; discovery must not find it.")]
internal sealed class ThrowingLiteralAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [ClassDeclarationAnalyzer.Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterOperationAction(
                _ => throw new InvalidOperationException("sample failure"), OperationKind.Literal);
            start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.ClassDeclaration);
        });
    }
}
