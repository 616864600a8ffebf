using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace TlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// Builds the edit that makes a lambda or anonymous method written in place return
/// <c>errors == SslPolicyErrors.None</c>, where <c>errors</c> is its SslPolicyErrors parameter. Returns null for
/// method groups and delegates built elsewhere, whose code may serve other callers.
/// </summary>
internal static class AcceptOnlyValidEdit
{
    private const string ErrorsName = "sslPolicyErrors";

    public static Action<DocumentEditor>? Create(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        var function = FindFunction(node);
        var sslPolicyErrors = model.Compilation.GetTypeByMetadataName("System.Net.Security.SslPolicyErrors");
        if (function is null || sslPolicyErrors is null
            || model.GetTypeInfo(function, cancellationToken).ConvertedType is not INamedTypeSymbol
            {
                DelegateInvokeMethod: { } invoke,
            })
        {
            return null;
        }

        var index = invoke.Parameters.IndexOf(
            invoke.Parameters.FirstOrDefault(p => SymbolEqualityComparer.Default.Equals(p.Type, sslPolicyErrors))!);
        if (index < 0)
        {
            return null;
        }

        var names = new ParameterNames(model, function, invoke, index);
        return editor => editor.ReplaceNode(function, Rewrite(function, names, editor.Generator, sslPolicyErrors));
    }

    // The diagnostic sits on the value as written: the function itself, or a cast or delegate creation around it.
    private static AnonymousFunctionExpressionSyntax? FindFunction(SyntaxNode node)
    {
        while (true)
        {
            switch (node)
            {
                case AnonymousFunctionExpressionSyntax function:
                    return function;
                case ParenthesizedExpressionSyntax parenthesized:
                    node = parenthesized.Expression;
                    break;
                case CastExpressionSyntax cast:
                    node = cast.Expression;
                    break;
                case ObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments, Initializer: null }:
                    node = arguments[0].Expression;
                    break;
                default:
                    return null;
            }
        }
    }

    private static SyntaxNode Rewrite(
        AnonymousFunctionExpressionSyntax function, ParameterNames names, SyntaxGenerator generator, ITypeSymbol errorsType)
    {
        var withParameters = WithErrorsParameter(function, names, out var errorsName);
        var check = SyntaxFactory.BinaryExpression(
            SyntaxKind.EqualsExpression,
            SyntaxFactory.IdentifierName(errorsName),
            (ExpressionSyntax)generator.MemberAccessExpression(generator.TypeExpression(errorsType, addImport: true), "None")
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));

        if (withParameters.ExpressionBody is { } expression)
        {
            return withParameters.ReplaceNode(expression, check.WithTriviaFrom(expression));
        }

        var returns = withParameters.Block!.DescendantNodes(descendIntoChildren: child =>
                child is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<ReturnStatementSyntax>()
            .Where(statement => statement.Expression is not null);
        return withParameters.ReplaceNodes(
            returns.Select(statement => statement.Expression!),
            (original, _) => check.WithTriviaFrom(original));
    }

    // Finds, or creates, a usable name for the SslPolicyErrors parameter: a discard `_` cannot be read, and
    // `delegate { ... }` has no parameters at all, so it becomes a lambda that names them.
    private static AnonymousFunctionExpressionSyntax WithErrorsParameter(
        AnonymousFunctionExpressionSyntax function, ParameterNames names, out string errorsName)
    {
        var parameters = function switch
        {
            SimpleLambdaExpressionSyntax simple => SyntaxFactory.SeparatedList(new[] { simple.Parameter }),
            ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters,
            AnonymousMethodExpressionSyntax { ParameterList: { } list } => list.Parameters,
            _ => default(SeparatedSyntaxList<ParameterSyntax>?),
        };
        if (parameters is null)
        {
            errorsName = names.Errors;
            return CreateLambda((AnonymousMethodExpressionSyntax)function, names);
        }

        var errors = parameters.Value[names.ErrorsIndex];
        errorsName = errors.Identifier.ValueText;
        if (errorsName != "_")
        {
            return function;
        }

        errorsName = names.Errors;
        return function.ReplaceToken(errors.Identifier, SyntaxFactory.Identifier(errorsName).WithTriviaFrom(errors.Identifier));
    }

    private static AnonymousFunctionExpressionSyntax CreateLambda(AnonymousMethodExpressionSyntax method, ParameterNames names)
    {
        var parameters = names.All.Select(name => SyntaxFactory.Parameter(SyntaxFactory.Identifier(name)));
        return SyntaxFactory.ParenthesizedLambdaExpression(
                SyntaxFactory.ParameterList(SyntaxFactory.SeparatedList(parameters)),
                method.Block)
            .WithAsyncKeyword(method.AsyncKeyword)
            .WithModifiers(method.Modifiers)
            .WithTriviaFrom(method);
    }

    /// <summary>Parameter names for a callback that had none, chosen so they clash with nothing in scope.</summary>
    private sealed class ParameterNames
    {
        public ParameterNames(
            SemanticModel model, AnonymousFunctionExpressionSyntax function, IMethodSymbol invoke, int errorsIndex)
        {
            ErrorsIndex = errorsIndex;
            var position = function.SpanStart;
            var usedNames = new HashSet<string>(
                function.DescendantNodes().OfType<ParameterSyntax>().Select(p => p.Identifier.ValueText),
                StringComparer.Ordinal);
            var all = new List<string>();
            for (var i = 0; i < invoke.Parameters.Length; i++)
            {
                var baseName = i == errorsIndex ? ErrorsName : NameFor(invoke.Parameters[i]);
                all.Add(Unique(model, position, baseName, usedNames));
            }

            All = all;
            Errors = all[errorsIndex];
        }

        public int ErrorsIndex { get; }

        public string Errors { get; }

        public IReadOnlyList<string> All { get; }

        // Func<...> parameters are called arg1, arg2...; names from the parameter's type read better.
        private static string NameFor(IParameterSymbol parameter) => parameter.Type.Name switch
        {
            "Object" => "sender",
            "X509Certificate" or "X509Certificate2" => "certificate",
            "X509Chain" => "chain",
            "HttpRequestMessage" => "request",
            _ => parameter.Name,
        };

        private static string Unique(SemanticModel model, int position, string baseName, HashSet<string> usedNames)
        {
            var name = baseName;
            for (var suffix = 2; usedNames.Contains(name) || model.LookupSymbols(position, name: name).Any(); suffix++)
            {
                name = baseName + suffix;
            }

            usedNames.Add(name);
            return name;
        }
    }
}
