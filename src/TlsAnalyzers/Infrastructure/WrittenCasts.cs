using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Access to the conversions of each cast written in the source, for a syntax node action on cast expressions.
/// </summary>
/// <remarks>
/// A rule that only judges casts such as <c>(SslProtocols)192</c> would otherwise register a conversion action, which
/// Roslyn calls for every conversion of the compilation, the implicit ones included: 14,829 in the 100,000 lines of
/// the benchmark corpus, which contains no cast at all. One cast can be several conversions:
/// <c>(SslProtocols?)192</c> converts the integer to the enum and then to its nullable form, and an implicit boxing
/// around the cast has the cast as its syntax too. The callback gets each of them, outermost first.
/// </remarks>
internal static class WrittenCasts
{
    /// <summary>Runs <paramref name="analyze"/> on each conversion of the cast that the syntax node action received.</summary>
    public static void ForEachConversion(
        SyntaxNodeAnalysisContext context, Action<IConversionOperation, Action<Diagnostic>> analyze)
    {
        var cast = context.Node;
        var top = FindEnclosingOperation(context.SemanticModel, cast, context.CancellationToken);
        if (top is null)
        {
            return;
        }

        while (top.Parent is { } parent && parent.Syntax == cast)
        {
            top = parent;
        }

        foreach (var operation in top.DescendantsAndSelf())
        {
            if (operation is IConversionOperation conversion && conversion.Syntax == cast)
            {
                analyze(conversion, context.ReportDiagnostic);
            }
        }
    }

    // Roslyn 4.8 returns no operation for a cast to a nullable type such as (SslProtocols?)192, although the
    // operation tree of the enclosing expression contains its conversions. Later versions return the outer conversion.
    private static IOperation? FindEnclosingOperation(SemanticModel model, SyntaxNode cast, CancellationToken cancellationToken)
    {
        for (var node = cast; node is not null; node = node.Parent)
        {
            if (model.GetOperation(node, cancellationToken) is { } operation)
            {
                return operation;
            }

            if (node is StatementSyntax or MemberDeclarationSyntax)
            {
                return null;
            }
        }

        return null;
    }
}
