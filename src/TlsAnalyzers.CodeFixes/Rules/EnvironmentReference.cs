using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// An expression for the app's hosting environment (<c>app.Environment</c>, an <c>env</c> parameter) that a fix
/// can call <c>IsDevelopment()</c> on, and the namespace to import when that extension is not in scope yet.
/// </summary>
internal sealed class EnvironmentReference(ExpressionSyntax expression, string? requiredNamespace)
{
    public ExpressionSyntax Expression { get; } = expression;

    public string? RequiredNamespace { get; } = requiredNamespace;

    /// <summary>Returns <c>app.Environment</c> when <paramref name="receiver"/> is a WebApplication.</summary>
    public static EnvironmentReference? FromWebApplication(
        SemanticModel model, ExpressionSyntax receiver, CancellationToken cancellationToken)
    {
        if (model.GetTypeInfo(receiver, cancellationToken).Type is not INamedTypeSymbol type
            || !IsType(type, "Microsoft.AspNetCore.Builder", "WebApplication")
            || type.GetMembers("Environment").FirstOrDefault() is not IPropertySymbol { Type: var environmentType })
        {
            return null;
        }

        var expression = MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), IdentifierName("Environment"));
        return Create(model, receiver.SpanStart, expression, environmentType);
    }

    /// <summary>
    /// Returns a parameter, an earlier local, or a field or property of the containing type whose type is a
    /// hosting environment, in that order of preference.
    /// </summary>
    public static EnvironmentReference? FromScope(SemanticModel model, int position)
    {
        var enclosing = model.GetEnclosingSymbol(position);
        var best = model.LookupSymbols(position)
            .Select(symbol => (Symbol: symbol, Type: GetVariableType(symbol, position, enclosing), Rank: Rank(symbol)))
            .Where(candidate => candidate.Type is not null && candidate.Rank >= 0 && GetNamespace(candidate.Type) is not null)
            .OrderBy(candidate => candidate.Rank)
            .ThenBy(candidate => candidate.Symbol.Name, System.StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Symbol is null ? null : Create(model, position, IdentifierName(best.Symbol.Name), best.Type!);
    }

    private static EnvironmentReference Create(SemanticModel model, int position, ExpressionSyntax expression, ITypeSymbol type)
    {
        var check = InvocationExpression(MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression, expression, IdentifierName("IsDevelopment")));
        var bound = model.GetSpeculativeSymbolInfo(position, check, SpeculativeBindingOption.BindAsExpression).Symbol;
        return new EnvironmentReference(expression, bound is null ? GetNamespace(type) : null);
    }

    private static int Rank(ISymbol symbol) => symbol switch
    {
        IParameterSymbol => 0,
        ILocalSymbol => 1,
        IFieldSymbol or IPropertySymbol => 2,
        _ => -1,
    };

    private static ITypeSymbol? GetVariableType(ISymbol symbol, int position, ISymbol? enclosing)
    {
        var isStaticContext = enclosing is { IsStatic: true } || enclosing?.ContainingSymbol is IMethodSymbol { IsStatic: true };
        return symbol switch
        {
            IParameterSymbol parameter => parameter.Type,
            ILocalSymbol local when local.Locations.FirstOrDefault()?.SourceSpan.End < position => local.Type,
            IFieldSymbol field when field.IsStatic || !isStaticContext => field.Type,
            IPropertySymbol { IsIndexer: false, GetMethod: not null } property when property.IsStatic || !isStaticContext =>
                property.Type,
            _ => null,
        };
    }

    // Microsoft.Extensions.Hosting declares IsDevelopment for IHostEnvironment (IWebHostEnvironment derives from
    // it) and for its obsolete IHostingEnvironment. Microsoft.AspNetCore.Hosting declares it for the ASP.NET Core
    // 2.x IHostingEnvironment.
    private static string? GetNamespace(ITypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        var types = type is INamedTypeSymbol named ? type.AllInterfaces.Add(named) : type.AllInterfaces;
        if (types.Any(candidate => IsType(candidate, "Microsoft.Extensions.Hosting", "IHostEnvironment")
            || IsType(candidate, "Microsoft.Extensions.Hosting", "IHostingEnvironment")))
        {
            return "Microsoft.Extensions.Hosting";
        }

        return types.Any(candidate => IsType(candidate, "Microsoft.AspNetCore.Hosting", "IHostingEnvironment"))
            ? "Microsoft.AspNetCore.Hosting"
            : null;
    }

    private static bool IsType(ITypeSymbol type, string containingNamespace, string name) =>
        type.Name == name && type.ContainingNamespace?.ToDisplayString() == containingNamespace;
}
