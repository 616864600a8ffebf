using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// Gives a rule the conversions of each cast in the source, through a syntax node action for cast expressions.
/// </summary>
/// <remarks>
/// A rule that only judges casts such as <c>(SslProtocols)192</c> would otherwise register a conversion action, which
/// Roslyn calls for every conversion of the compilation, the implicit ones included: about 15,000 in 100,000 lines
/// of the benchmark corpus, against a few hundred casts. One cast can stand for several conversions:
/// <c>(SslProtocols?)192</c> converts the integer to the enum and then to its nullable form, and an implicit boxing
/// around the cast has the cast as its syntax too. The callback gets each of them, outermost first.
/// </remarks>
internal static class WrittenCasts
{
    /// <summary>Runs <paramref name="analyze"/> on each conversion of the cast that the syntax node action got.</summary>
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
