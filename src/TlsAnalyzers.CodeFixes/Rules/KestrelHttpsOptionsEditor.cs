using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TlsAnalyzers.CodeFixes.Infrastructure;

namespace TlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// Rewrites a Kestrel <c>UseHttps</c> or <c>ConfigureHttpsDefaults</c> call so that an <c>OnAuthenticate</c> callback
/// sets <c>CipherSuitesPolicy</c>: in the existing callback, in the options lambda, or in a lambda it adds.
/// </summary>
internal sealed class KestrelHttpsOptionsEditor
{
    // Values that the shorter UseHttps overloads pass on to the overload that takes an options callback.
    private static readonly Dictionary<string, string> ForwardedDefaults = new()
    {
        ["password"] = "null",
        ["allowInvalid"] = "false",
        ["location"] = "global::System.Security.Cryptography.X509Certificates.StoreLocation.CurrentUser",
    };

    private readonly SemanticModel _model;
    private readonly string _profile;
    private readonly CancellationToken _cancellationToken;

    public KestrelHttpsOptionsEditor(SemanticModel model, string profile, CancellationToken cancellationToken)
    {
        _model = model;
        _profile = profile;
        _cancellationToken = cancellationToken;
    }

    public (SyntaxNode Original, SyntaxNode Updated)? CreateReplacement(InvocationExpressionSyntax invocation)
    {
        if (_model.GetSymbolInfo(invocation, _cancellationToken).Symbol is not IMethodSymbol method)
        {
            return null;
        }

        var optionsType = _model.Compilation.GetTypeByMetadataName(
            "Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions");
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            var type = _model.GetTypeInfo(argument.Expression, _cancellationToken).ConvertedType;
            if (argument.Expression is LambdaExpressionSyntax lambda && IsConfigureCallback(type, optionsType))
            {
                return AddToConfigureLambda(lambda);
            }

            if (SymbolEqualityComparer.Default.Equals(type, optionsType))
            {
                return argument.Expression is BaseObjectCreationExpressionSyntax creation
                    ? AddToOptionsObject(creation)
                    : null;
            }
        }

        return AppendConfigureLambda(invocation, method, optionsType);
    }

    private static bool IsConfigureCallback(ITypeSymbol? type, INamedTypeSymbol? optionsType) =>
        type is INamedTypeSymbol { Name: "Action", TypeArguments.Length: 1 } action
        && SymbolEqualityComparer.Default.Equals(action.TypeArguments[0], optionsType);

    private (SyntaxNode, SyntaxNode)? AddToConfigureLambda(LambdaExpressionSyntax lambda)
    {
        var parameter = lambda switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter,
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized =>
                parenthesized.ParameterList.Parameters[0],
            _ => null,
        };
        if (parameter is null || parameter.Identifier.ValueText == "_")
        {
            return null;
        }

        var existing = FindOnAuthenticateCallback(lambda);
        if (existing is not null)
        {
            return AddToAuthenticateCallback(existing);
        }

        var position = lambda.Body.SpanStart;
        return (lambda, AddStatement(lambda, layout =>
            parameter.Identifier.ValueText + ".OnAuthenticate = " + CreateAuthenticateCallback(position, layout) + ";"));
    }

    // Only a lambda assigned to OnAuthenticate is extended; a method group is code the fix does not rewrite.
    private static ParenthesizedLambdaExpressionSyntax? FindOnAuthenticateCallback(LambdaExpressionSyntax lambda) =>
        lambda.Body.DescendantNodesAndSelf()
            .OfType<AssignmentExpressionSyntax>()
            .Where(assignment =>
                assignment.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "OnAuthenticate" })
            .Select(assignment => assignment.Right)
            .OfType<ParenthesizedLambdaExpressionSyntax>()
            .FirstOrDefault(callback => callback.ParameterList.Parameters.Count == 2);

    private (SyntaxNode, SyntaxNode)? AddToAuthenticateCallback(ParenthesizedLambdaExpressionSyntax callback)
    {
        var optionsName = callback.ParameterList.Parameters[1].Identifier.ValueText;
        if (optionsName == "_")
        {
            return null;
        }

        return (callback, AddStatement(callback, layout => CreatePolicyAssignment(optionsName, layout)));
    }

    private (SyntaxNode, SyntaxNode)? AddToOptionsObject(BaseObjectCreationExpressionSyntax creation) =>
        (creation, MissingCipherSuitesPolicyFixer.AddToInitializer(
            creation, "OnAuthenticate", layout => CreateAuthenticateCallback(creation.SpanStart, layout)));

    // Calls with named arguments are left alone, because the added arguments would have to be named as well.
    private (SyntaxNode, SyntaxNode)? AppendConfigureLambda(
        InvocationExpressionSyntax invocation, IMethodSymbol method, INamedTypeSymbol? optionsType)
    {
        var unreduced = method.ReducedFrom ?? method;
        var target = FindOverloadWithCallback(unreduced, optionsType);
        if (target is null || invocation.ArgumentList.Arguments.Any(argument => argument.NameColon is not null))
        {
            return null;
        }

        var layout = CodeLayout.Of(invocation);
        var name = GetUniqueName(invocation.SpanStart, "https");
        var configure = new StringBuilder()
            .Append(name).Append(" =>").Append(layout.NewLine)
            .Append(layout.Indentation).Append('{').Append(layout.NewLine)
            .Append(layout.Nested.Indentation).Append(name).Append(".OnAuthenticate = ")
            .Append(CreateAuthenticateCallback(invocation.SpanStart, layout.Nested)).Append(';').Append(layout.NewLine)
            .Append(layout.Indentation).Append('}');
        var forwarded = target.Parameters
            .Skip(unreduced.Parameters.Length)
            .Take(target.Parameters.Length - unreduced.Parameters.Length - 1)
            .Select(parameter => ForwardedDefaults[parameter.Name])
            .Append(configure.ToString())
            .Select(text => SyntaxFactory.Argument(CipherSuitesPolicySyntax.ParseExpression(text)));
        var arguments = invocation.ArgumentList.Arguments.AddRange(forwarded);
        return (invocation, invocation.WithArgumentList(invocation.ArgumentList.WithArguments(arguments)));
    }

    private static IMethodSymbol? FindOverloadWithCallback(IMethodSymbol method, INamedTypeSymbol? optionsType)
    {
        var count = method.Parameters.Length;
        return method.ContainingType.GetMembers(method.Name)
            .OfType<IMethodSymbol>()
            .Where(candidate => candidate.Parameters.Length > count
                && IsConfigureCallback(candidate.Parameters[candidate.Parameters.Length - 1].Type, optionsType)
                && method.Parameters.Select(parameter => parameter.Type).SequenceEqual(
                    candidate.Parameters.Take(count).Select(parameter => parameter.Type), SymbolEqualityComparer.Default)
                && candidate.Parameters.Skip(count).Take(candidate.Parameters.Length - count - 1)
                    .All(parameter => ForwardedDefaults.ContainsKey(parameter.Name)))
            .OrderBy(candidate => candidate.Parameters.Length)
            .FirstOrDefault();
    }

    // Returns `(connection, sslOptions) => { sslOptions.CipherSuitesPolicy = ...; }` for a statement at `layout`.
    private string CreateAuthenticateCallback(int position, CodeLayout layout)
    {
        var connection = GetUniqueName(position, "connection");
        var sslOptions = GetUniqueName(position, "sslOptions");
        return new StringBuilder()
            .Append('(').Append(connection).Append(", ").Append(sslOptions).Append(") =>").Append(layout.NewLine)
            .Append(layout.Indentation).Append('{').Append(layout.NewLine)
            .Append(layout.Nested.Indentation).Append(CreatePolicyAssignment(sslOptions, layout.Nested))
            .Append(layout.NewLine)
            .Append(layout.Indentation).Append('}')
            .ToString();
    }

    private string CreatePolicyAssignment(string optionsName, CodeLayout layout) =>
        optionsName + ".CipherSuitesPolicy = "
        + CipherSuitesPolicySyntax.CreateGuardedPolicyText(_model.Compilation, _profile, layout) + ";";

    // Appends a statement to a lambda's block, or turns an expression body into a block that keeps the expression.
    private static LambdaExpressionSyntax AddStatement(
        LambdaExpressionSyntax function, Func<CodeLayout, string> createStatement)
    {
        if (function.Body is BlockSyntax block)
        {
            var layout = block.Statements.Count > 0
                ? CodeLayout.Of(block.Statements[block.Statements.Count - 1])
                : CodeLayout.Of(block).Nested;
            var statement = CipherSuitesPolicySyntax.ParseStatement(createStatement(layout))
                .WithLeadingTrivia(SyntaxFactory.Whitespace(layout.Indentation))
                .WithTrailingTrivia(SyntaxFactory.EndOfLine(layout.NewLine));
            return (LambdaExpressionSyntax)function.WithBody(block.AddStatements(statement));
        }

        var outer = CodeLayout.Of(function);
        var inner = outer.Nested;
        var text = new StringBuilder()
            .Append('{').Append(outer.NewLine)
            .Append(inner.Indentation).Append(function.Body.WithoutTrivia().ToFullString()).Append(';').Append(outer.NewLine)
            .Append(inner.Indentation).Append(createStatement(inner)).Append(outer.NewLine)
            .Append(outer.Indentation).Append('}')
            .ToString();
        var newBlock = ((BlockSyntax)CipherSuitesPolicySyntax.ParseStatement(text))
            .WithLeadingTrivia(SyntaxFactory.EndOfLine(outer.NewLine), SyntaxFactory.Whitespace(outer.Indentation))
            .WithTrailingTrivia(function.Body.GetTrailingTrivia());
        return (LambdaExpressionSyntax)function
            .WithArrowToken(function.ArrowToken.WithTrailingTrivia())
            .WithBody(newBlock);
    }

    private string GetUniqueName(int position, string baseName)
    {
        var name = baseName;
        for (var suffix = 2; _model.LookupSymbols(position, name: name).Any(); suffix++)
        {
            name = baseName + suffix;
        }

        return name;
    }
}
