using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using TlsAnalyzers.Infrastructure;

namespace TlsAnalyzers.Rules;

/// <summary>The TLS types of one compilation and whether its Kestrel HTTPS defaults set a CipherSuitesPolicy.</summary>
internal sealed class MissingCipherSuitesPolicyAnalysis
{
    private readonly IPropertySymbol _cipherSuitesPolicy;
    private readonly INamedTypeSymbol _serverOptions;
    private readonly INamedTypeSymbol? _httpsExtensions;
    private readonly INamedTypeSymbol? _kestrelOptions;
    private readonly IPropertySymbol? _onAuthenticate;
    private readonly INamedTypeSymbol? _sslStream;
    private readonly Compilation _compilation;
    private readonly Lazy<ImmutableArray<string>> _typeNames;
    private readonly HashSet<string> _memberNames;

    // 0 until the compilation has been searched, then 1 (no ConfigureHttpsDefaults sets a policy) or 2 (one does).
    private int _httpsDefaultsState;

    private MissingCipherSuitesPolicyAnalysis(
        IPropertySymbol cipherSuitesPolicy, INamedTypeSymbol serverOptions, Compilation compilation)
    {
        _cipherSuitesPolicy = cipherSuitesPolicy;
        _serverOptions = serverOptions;
        _compilation = compilation;
        _sslStream = compilation.FindType("System.Net.Security.SslStream");
        _httpsExtensions = compilation.FindType("Microsoft.AspNetCore.Hosting.ListenOptionsHttpsExtensions");
        _kestrelOptions = compilation.FindType(
            "Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions");
        _typeNames = new Lazy<ImmutableArray<string>>(() => AliasSearch.FindNames(compilation, serverOptions.Name, CancellationToken.None));
        _memberNames = new HashSet<string>(serverOptions.GetMembers().Select(member => member.Name));
        _onAuthenticate = compilation
            .FindType("Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions")?
            .GetMembers("OnAuthenticate").OfType<IPropertySymbol>().FirstOrDefault();
    }

    public bool HasKestrel => _onAuthenticate is not null && (_httpsExtensions is not null || _kestrelOptions is not null);

    /// <summary>
    /// Returns the analysis, or null when the compilation has no CipherSuitesPolicy (.NET Framework, netstandard2.0).
    /// </summary>
    public static MissingCipherSuitesPolicyAnalysis? Create(Compilation compilation)
    {
        var policyType = compilation.FindType("System.Net.Security.CipherSuitesPolicy");
        var serverOptions = compilation.FindType("System.Net.Security.SslServerAuthenticationOptions");
        var property = serverOptions?.GetMembers("CipherSuitesPolicy").OfType<IPropertySymbol>().FirstOrDefault();
        if (policyType is null || serverOptions is null || property is null)
        {
            return null;
        }

        return new MissingCipherSuitesPolicyAnalysis(property, serverOptions, compilation);
    }

    /// <summary>
    /// Reports the SslServerAuthenticationOptions created in one file without a CipherSuitesPolicy. An object creation
    /// action would make Roslyn build the operation tree of every method and run on every <c>new</c> of the
    /// compilation. The rule binds only <c>new</c> followed by the type's name or an alias of it, and target-typed
    /// <c>new()</c> that can create the options: no arguments (the type has only a parameterless constructor), an
    /// initializer that sets only members of the type, and no declared type that rules it out.
    /// </summary>
    public void AnalyzeCreations(SemanticModelAnalysisContext context)
    {
        var model = context.SemanticModel;
        var tree = model.SyntaxTree;
        var cancellationToken = context.CancellationToken;
        var names = _typeNames.Value;
        var span = context.FilterSpan ?? tree.GetRoot(cancellationToken).FullSpan;
        var candidates = new List<SyntaxNode>();

        // In the IDE's analysis of a span, `new` may lie in it while the type's name is on the next line.
        var searchSpan = NameSearch.WidenToStatements(tree, context.FilterSpan, cancellationToken);
        foreach (var token in NameSearch.FindIdentifiers(tree, searchSpan, names, cancellationToken, wholeNames: true))
        {
            if (names.Contains(token.ValueText) && GetCreationOfType(token) is { } creation && creation.Span.IntersectsWith(span))
            {
                candidates.Add(creation);
            }
        }

        foreach (var creation in NameSearch.FindTargetTypedCreations(tree, context.FilterSpan, MayCreateOptionsText, cancellationToken))
        {
            if (MayCreateOptions(creation, names))
            {
                candidates.Add(creation);
            }
        }

        var lookup = new OperationLookup(model, cancellationToken);
        foreach (var candidate in candidates)
        {
            if (lookup.Find(candidate) is IObjectCreationOperation creation)
            {
                AnalyzeObjectCreation(context.ReportDiagnostic, context.Options, creation);
            }
        }
    }

    private void AnalyzeObjectCreation(Action<Diagnostic> reportDiagnostic, AnalyzerOptions options, IObjectCreationOperation creation)
    {
        if (!SymbolMatch.Is(creation.Type, _serverOptions)
            || AssignedPropertyFinder.FindValues(creation, _cipherSuitesPolicy).Any()
            || IsHandedToOtherCode(creation))
        {
            return;
        }

        Report(reportDiagnostic, MissingCipherSuitesPolicyAnalyzer.Rule, GetCreationLocation(creation),
            options, _serverOptions.Name);
    }

    // `new SslServerAuthenticationOptions`, `new System.Net.Security.SslServerAuthenticationOptions` or `new Alias`,
    // where the token is the last name of the type.
    private static SyntaxNode? GetCreationOfType(SyntaxToken token)
    {
        SyntaxNode? node = token.Parent;
        while (node?.Parent is QualifiedNameSyntax qualified && qualified.Right == node
            || node?.Parent is AliasQualifiedNameSyntax aliased && aliased.Name == node)
        {
            node = node.Parent;
        }

        return node?.Parent is ObjectCreationExpressionSyntax creation && creation.Type == node ? creation : null;
    }

    // SslServerAuthenticationOptions is not generic, so `List<T> items = new()`, the most common target-typed
    // creation, is ruled out by its text.
    private static readonly Func<string, int, bool> MayCreateOptionsText =
        (text, newIndex) => NameSearch.FindGenericDeclarationStart(text, newIndex) < 0;

    private bool MayCreateOptions(ImplicitObjectCreationExpressionSyntax creation, ImmutableArray<string> names)
    {
        if (creation.ArgumentList.Arguments.Count > 0)
        {
            return false;
        }

        // An initializer that sets none of the type's members belongs to another type. One that sets some of them
        // may still hold a name being typed, which the rule should not drop.
        if (creation.Initializer is { } initializer)
        {
            if (!initializer.IsKind(SyntaxKind.ObjectInitializerExpression))
            {
                return false;
            }

            if (initializer.Expressions.Count > 0
                && !initializer.Expressions.Any(expression => expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax member }
                    && _memberNames.Contains(member.Identifier.ValueText)))
            {
                return false;
            }
        }

        var type = DeclaredTargetType.Of(creation);
        if (type is NullableTypeSyntax nullable)
        {
            type = nullable.ElementType;
        }

        return type switch
        {
            null => true,
            IdentifierNameSyntax name => names.Contains(name.Identifier.ValueText),
            QualifiedNameSyntax qualified => names.Contains(qualified.Right.Identifier.ValueText),
            AliasQualifiedNameSyntax aliased => names.Contains(aliased.Name.Identifier.ValueText),
            _ => false,
        };
    }

    public void AnalyzeInvocation(OperationSite context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        var isUseHttps = method.Name == "UseHttps"
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, _httpsExtensions);
        var isHttpsDefaults = method.Name == "ConfigureHttpsDefaults"
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, _kestrelOptions);
        if (!isUseHttps && !isHttpsDefaults)
        {
            return;
        }

        var coverage = new HttpsOptionsCoverage(_onAuthenticate!, _cipherSuitesPolicy).Evaluate(invocation);
        if (coverage != PolicyCoverage.Missing
            || (isUseHttps && HttpsDefaultsSetPolicy(context.CancellationToken)))
        {
            return;
        }

        Report(context.ReportDiagnostic, MissingCipherSuitesPolicyAnalyzer.Rule, GetNameLocation(invocation),
            context.Options, method.Name);
    }

    // A ConfigureHttpsDefaults anywhere in the compilation covers every UseHttps. The search runs once per
    // compilation, and only after a UseHttps without a policy turned up.
    private bool HttpsDefaultsSetPolicy(CancellationToken cancellationToken)
    {
        var state = Volatile.Read(ref _httpsDefaultsState);
        if (state == 0)
        {
            state = HttpsDefaultsSearch.SetsCipherSuitesPolicy(_compilation, cancellationToken) ? 2 : 1;
            Volatile.Write(ref _httpsDefaultsState, state);
        }

        return state == 2;
    }

    private static void Report(
        Action<Diagnostic> report, DiagnosticDescriptor rule, Location location, AnalyzerOptions options,
        string construct)
    {
        var properties = CipherSuiteProfile.CreateProperties(options, location, out var invalidOption);
        report(Diagnostic.Create(rule, location, properties, construct));
        if (invalidOption is not null)
        {
            report(invalidOption);
        }
    }

    // Options handed to a method of the app (not to SslStream) may get their policy there, so the rule stays
    // silent rather than guess.
    private bool IsHandedToOtherCode(IObjectCreationOperation creation)
    {
        if (AssignedPropertyFinder.GetStoredVariable(creation) is not ILocalSymbol local)
        {
            return false;
        }

        return AssignedPropertyFinder.GetRoot(creation).Descendants().OfType<IArgumentOperation>().Any(argument =>
            SymbolEqualityComparer.Default.Equals(AssignedPropertyFinder.GetReferencedSymbol(argument.Value), local)
            && argument.Parent is IInvocationOperation invocation
            && !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _sslStream));
    }

    // The squiggle covers `new SslServerAuthenticationOptions()` without the initializer, which may be long.
    private static Location GetCreationLocation(IObjectCreationOperation creation)
    {
        var syntax = creation.Syntax;
        var end = syntax switch
        {
            ObjectCreationExpressionSyntax explicitNew => explicitNew.ArgumentList?.Span.End ?? explicitNew.Type.Span.End,
            ImplicitObjectCreationExpressionSyntax implicitNew => implicitNew.ArgumentList.Span.End,
            _ => syntax.Span.End,
        };
        return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.SpanStart, end));
    }

    private static Location GetNameLocation(IInvocationOperation invocation)
    {
        var syntax = (InvocationExpressionSyntax)invocation.Syntax;
        return syntax.Expression switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.GetLocation(),
            _ => syntax.Expression.GetLocation(),
        };
    }
}
