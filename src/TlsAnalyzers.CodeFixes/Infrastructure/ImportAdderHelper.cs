using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace TlsAnalyzers.CodeFixes.Infrastructure;

/// <summary>Adds the usings that names annotated with <see cref="Simplifier.AddImportsAnnotation"/> need.</summary>
internal static class ImportAdderHelper
{
    public static Task<Document> AddImportsAsync(Document document, CancellationToken cancellationToken) =>
        ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken);
}
