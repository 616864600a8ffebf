using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TlsAnalyzers.Benchmarks.Analysis;

/// <summary>
/// Wraps an analyzer so that every action it registers is timed on its own, once per compilation (one compilation is
/// one round). Roslyn's telemetry gives one total per analyzer, and this splits that total by action: the compilation
/// start action, each operation action, the semantic model actions and the compilation end actions.
/// </summary>
/// <remarks>
/// Each timed call adds two timestamp reads and two interlocked additions, an estimated 50 ns, to the time Roslyn
/// reports for the analyzer. Only the registrations that the TlsAnalyzers rules use are supported. Any other throws
/// <see cref="NotSupportedException"/> naming it, which Roslyn reports as AD0001 and the profile report prints.
/// </remarks>
[SuppressMessage(
    "MicrosoftCodeAnalysisCorrectness",
    "RS1001",
    Justification = "Wraps analyzers in memory and is never loaded from an assembly.")]
[SuppressMessage(
    "MicrosoftCodeAnalysisCorrectness",
    "RS1025",
    Justification = "The wrapped analyzer configures generated code analysis.")]
[SuppressMessage(
    "MicrosoftCodeAnalysisCorrectness",
    "RS1026",
    Justification = "The wrapped analyzer enables concurrent execution.")]
[SuppressMessage(
    "MicrosoftCodeAnalysisCorrectness",
    "RS1012",
    Justification = "The wrapped analyzer registers the actions.")]
internal sealed class ActionTimingAnalyzer(DiagnosticAnalyzer inner, ActionTimes times) : DiagnosticAnalyzer
{
    public string InnerName => inner.GetType().Name;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => inner.Initialize(new TimingContext(context, this));

    private Action<T> Time<T>(Compilation compilation, string label, Action<T> action)
    {
        var cell = times.GetCell(compilation, InnerName + ": " + label);
        return argument =>
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                action(argument);
            }
            finally
            {
                Interlocked.Add(ref cell.Ticks, Stopwatch.GetTimestamp() - start);
                Interlocked.Increment(ref cell.Calls);
            }
        };
    }

    private static NotSupportedException Unsupported(string registration) =>
        new($"{nameof(ActionTimingAnalyzer)} does not time {registration}. "
            + "Add them to it before profiling this analyzer.");

    private sealed class TimingContext(AnalysisContext context, ActionTimingAnalyzer owner) : AnalysisContext
    {
        public override void EnableConcurrentExecution() => context.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) =>
            context.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            context.RegisterCompilationStartAction(startContext =>
            {
                var timed = owner.Time<CompilationStartAnalysisContext>(
                    startContext.Compilation,
                    "compilation start",
                    started => action(new TimingStartContext(started, owner)));
                timed(startContext);
            });

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) =>
            throw Unsupported("compilation actions");

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
            throw Unsupported("semantic model actions outside a compilation start action");

        public override void RegisterSymbolAction(
            Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            throw Unsupported("symbol actions");

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(
            Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            throw Unsupported("code block start actions");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) =>
            throw Unsupported("code block actions");

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) =>
            throw Unsupported("syntax tree actions");

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(
            Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            throw Unsupported("syntax node actions");

        public override void RegisterOperationAction(
            Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            throw Unsupported("operation actions outside a compilation start action");

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            throw Unsupported("operation block start actions");

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
            throw Unsupported("operation block actions");

        public override void RegisterSymbolStartAction(
            Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
            throw Unsupported("symbol start actions");

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) =>
            throw Unsupported("additional file actions");
    }

    private sealed class TimingStartContext(CompilationStartAnalysisContext context, ActionTimingAnalyzer owner)
        : CompilationStartAnalysisContext(context.Compilation, context.Options, context.CancellationToken)
    {
        // A rule that registers two actions for the same kinds gets "#2" on the second label.
        private readonly Dictionary<string, int> labelCounts = new(StringComparer.Ordinal);

        public override void RegisterOperationAction(
            Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            context.RegisterOperationAction(
                owner.Time(Compilation, Unique("operation " + string.Join(", ", operationKinds)), action),
                operationKinds);

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
            context.RegisterSemanticModelAction(owner.Time(Compilation, Unique("semantic model"), action));

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) =>
            context.RegisterCompilationEndAction(owner.Time(Compilation, Unique("compilation end"), action));

        public override void RegisterSymbolAction(
            Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            throw Unsupported("symbol actions");

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(
            Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            throw Unsupported("code block start actions");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) =>
            throw Unsupported("code block actions");

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) =>
            throw Unsupported("syntax tree actions");

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(
            Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            context.RegisterSyntaxNodeAction(
                owner.Time(Compilation, Unique("syntax " + string.Join(", ", syntaxKinds)), action), syntaxKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            throw Unsupported("operation block start actions");

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
            throw Unsupported("operation block actions");

        public override void RegisterSymbolStartAction(
            Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
            throw Unsupported("symbol start actions");

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) =>
            throw Unsupported("additional file actions");

        private string Unique(string label)
        {
            var count = labelCounts.TryGetValue(label, out var seen) ? seen + 1 : 1;
            labelCounts[label] = count;
            return count == 1 ? label : $"{label} #{count}";
        }
    }
}

/// <summary>
/// The time and call count of each timed action, kept apart for every compilation in the order they began.
/// </summary>
/// <remarks>Compilations are held weakly, so the timing keeps no round's compilation alive.</remarks>
internal sealed class ActionTimes
{
    private readonly object gate = new();
    private readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, ActionCell>> byCompilation = new();
    private readonly List<ConcurrentDictionary<string, ActionCell>> inOrder = [];

    /// <summary>Gets or creates the cell of one action, once when it is registered rather than on every call.</summary>
    public ActionCell GetCell(Compilation compilation, string label)
    {
        lock (gate)
        {
            if (!byCompilation.TryGetValue(compilation, out var cells))
            {
                cells = new ConcurrentDictionary<string, ActionCell>(StringComparer.Ordinal);
                byCompilation.Add(compilation, cells);
                inOrder.Add(cells);
            }

            return cells.GetOrAdd(label, _ => new ActionCell());
        }
    }

    /// <summary>Returns each compilation's action times in milliseconds and call counts, oldest first.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, (double Milliseconds, long Calls)>> Rounds()
    {
        lock (gate)
        {
            return inOrder
                .Select(cells => (IReadOnlyDictionary<string, (double, long)>)cells.ToDictionary(
                    pair => pair.Key,
                    pair => (
                        Interlocked.Read(ref pair.Value.Ticks) * 1000.0 / Stopwatch.Frequency,
                        Interlocked.Read(ref pair.Value.Calls)),
                    StringComparer.Ordinal))
                .ToList();
        }
    }
}

/// <summary>Accumulated stopwatch ticks and calls of one action in one compilation.</summary>
internal sealed class ActionCell
{
    public long Ticks;
    public long Calls;
}
