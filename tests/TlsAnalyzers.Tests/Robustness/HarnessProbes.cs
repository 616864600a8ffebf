using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TlsAnalyzers.Tests.Robustness;

// These probes never ship, so release tracking (RS2008) and the rules for analyzer projects (RS1036) do not apply.
#pragma warning disable RS1036, RS2008

/// <summary>
/// Test-only analyzer that reports <c>SslProtocols.Ssl3</c> as PROBE1. The harness tests run it to show that the
/// fuzzer and the fix check catch what they claim to catch. RuleCatalog does not list it, because it scans only the
/// shipped assemblies.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class Ssl3ProbeAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "PROBE1", "Ssl3 probe", "Ssl3 found", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterOperationAction(AnalyzeFieldReference, OperationKind.FieldReference);
    }

    private static void AnalyzeFieldReference(OperationAnalysisContext context)
    {
        var reference = (IFieldReferenceOperation)context.Operation;
        if (reference.Field.Name == "Ssl3"
            && reference.Field.ContainingType.ToDisplayString() == "System.Security.Authentication.SslProtocols")
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, reference.Syntax.GetLocation()));
        }
    }
}

/// <summary>
/// Test-only analyzer with the bug that the fuzzer exists to find. It takes a type with a framework type's name for
/// the framework type, so it throws on a user type of that name that lacks the member it looks up.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ShadowingCrashProbeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Ssl3ProbeAnalyzer.Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        if (SourceMutator.FrameworkTypeNames.Contains(context.Symbol.Name))
        {
            _ = context.Symbol is INamedTypeSymbol type ? type.GetMembers("Tls12").OfType<IFieldSymbol>().First() : null;
        }
    }
}

/// <summary>The kinds of fix that <see cref="Ssl3ProbeFixer"/> can make, good and broken.</summary>
public enum ProbeFix
{
    /// <summary>Replaces the member name with Tls12: a correct fix.</summary>
    UseTls12,

    /// <summary>Inserts a statement before the flagged one and then replaces the name: allowed.</summary>
    InsertStatementBefore,

    /// <summary>Replaces the member name with one that does not exist: the result does not compile.</summary>
    UseMissingMember,

    /// <summary>Rewrites Ssl3 as Ssl3: the diagnostic stays.</summary>
    KeepSsl3,

    /// <summary>Replaces the name and reformats the whole file, which loses comments and blank lines.</summary>
    ReformatFile,
}

/// <summary>Test-only fixer for PROBE1 whose behaviour is chosen per instance.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp), Shared]
internal sealed class Ssl3ProbeFixer(ProbeFix kind) : CodeFixProvider
{
    public Ssl3ProbeFixer()
        : this(ProbeFix.UseTls12)
    {
    }

    public override ImmutableArray<string> FixableDiagnosticIds => [Ssl3ProbeAnalyzer.Rule.Id];

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not MemberAccessExpressionSyntax access)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create("Use Tls12", _ => Task.FromResult(Fix(context.Document, root, access)), kind.ToString()),
            context.Diagnostics);
    }

    private Document Fix(Document document, SyntaxNode root, MemberAccessExpressionSyntax access)
    {
        var name = kind switch
        {
            ProbeFix.UseMissingMember => "Tls99",
            ProbeFix.KeepSsl3 => "Ssl3",
            _ => "Tls12",
        };
        var newAccess = access.WithName(SyntaxFactory.IdentifierName(name)).WithTriviaFrom(access);

        if (kind == ProbeFix.InsertStatementBefore && access.FirstAncestorOrSelf<StatementSyntax>() is { Parent: BlockSyntax } statement)
        {
            var added = SyntaxFactory.ParseStatement("System.Console.WriteLine();\n")
                .WithLeadingTrivia(statement.GetLeadingTrivia());
            var replaced = statement.ReplaceNode(access, newAccess);
            return document.WithSyntaxRoot(root.ReplaceNode(statement, new[] { added, replaced }));
        }

        var newRoot = root.ReplaceNode(access, newAccess);
        return document.WithSyntaxRoot(kind == ProbeFix.ReformatFile ? newRoot.NormalizeWhitespace() : newRoot);
    }
}
