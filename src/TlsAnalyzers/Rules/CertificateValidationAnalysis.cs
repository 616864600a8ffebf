using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TlsAnalyzers.Infrastructure;

namespace TlsAnalyzers.Rules;

/// <summary>The TLS types of one compilation and the TLS002 checks that use them.</summary>
internal sealed class CertificateValidationAnalysis
{
    private const string CertificateAuthenticationExtensions =
        "Microsoft.Extensions.DependencyInjection.CertificateAuthenticationAppBuilderExtensions";

    private readonly Compilation compilation;
    private readonly ValidationDelegateShape delegates;
    private readonly IPropertySymbol? acceptAnyValidator;
    private readonly IMethodSymbol? allowAnyClientCertificate;
    private readonly bool skipTestProjectsApplies;
    private readonly ConcurrentDictionary<SyntaxTree, bool> invalidOptionReported = new();
    private readonly ImmutableArray<string> searchedNames;
    private readonly object certificateAuthenticationLock = new();
    private bool? hasCertificateAuthentication;

    private CertificateValidationAnalysis(
        Compilation compilation,
        ValidationDelegateShape delegates,
        IPropertySymbol? acceptAnyValidator,
        IMethodSymbol? allowAnyClientCertificate,
        bool isTestProject)
    {
        this.compilation = compilation;
        this.delegates = delegates;
        this.acceptAnyValidator = acceptAnyValidator;
        this.allowAnyClientCertificate = allowAnyClientCertificate;
        skipTestProjectsApplies = isTestProject;
        var names = ImmutableArray.CreateBuilder<string>();
        if (acceptAnyValidator is not null)
        {
            names.Add(AcceptAnyValidatorName);
        }

        if (allowAnyClientCertificate is not null)
        {
            names.Add(AllowAnyClientCertificateName);
        }

        searchedNames = names.ToImmutable();
    }

    private const string AcceptAnyValidatorName = "DangerousAcceptAnyServerCertificateValidator";
    private const string AllowAnyClientCertificateName = "AllowAnyClientCertificate";

    /// <summary>Returns null when the compilation has no SslPolicyErrors, so no validation callback can exist.</summary>
    public static CertificateValidationAnalysis? Create(Compilation compilation, AnalyzerOptions options)
    {
        var sslPolicyErrors = compilation.GetTypeByMetadataName("System.Net.Security.SslPolicyErrors");
        if (sslPolicyErrors is null)
        {
            return null;
        }

        var acceptAny = compilation.GetTypeByMetadataName("System.Net.Http.HttpClientHandler")
            ?.GetMembers("DangerousAcceptAnyServerCertificateValidator").OfType<IPropertySymbol>().FirstOrDefault();
        var allowAny = compilation
            .GetTypeByMetadataName("Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions")
            ?.GetMembers("AllowAnyClientCertificate").OfType<IMethodSymbol>().FirstOrDefault();
        var isTestProject = string.Equals(
            AnalyzerOptionReader.GetMSBuildProperty(options, "IsTestProject"), "true", StringComparison.OrdinalIgnoreCase);

        var delegates = ValidationDelegateShape.Create(compilation, sslPolicyErrors);
        return new CertificateValidationAnalysis(compilation, delegates, acceptAny, allowAny, isTestProject);
    }

    public void AnalyzeAssignment(OperationAnalysisContext context)
    {
        var assignment = (IAssignmentOperation)context.Operation;
        if (assignment is ICompoundAssignmentOperation { OperatorKind: not BinaryOperatorKind.Add })
        {
            return;
        }

        var member = assignment.Target switch
        {
            IPropertyReferenceOperation property => (ISymbol)property.Property,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };
        if (member is not null && IsSinkMember(member))
        {
            AnalyzeValue(context, assignment.Value, "The callback assigned to '" + Describe(member) + "'");
        }
    }

    public void AnalyzeInitializer(OperationAnalysisContext context)
    {
        var initializer = (ISymbolInitializerOperation)context.Operation;
        ISymbol? member = initializer switch
        {
            IFieldInitializerOperation field => field.InitializedFields.FirstOrDefault(),
            IPropertyInitializerOperation property => property.InitializedProperties.FirstOrDefault(),
            _ => null,
        };
        if (member is not null && IsSinkMember(member))
        {
            AnalyzeValue(context, initializer.Value, "The callback assigned to '" + Describe(member) + "'");
        }
    }

    public void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var arguments = invocation.Arguments;
        if (!arguments.IsEmpty)
        {
            AnalyzeArguments(context, arguments, invocation.TargetMethod);
        }
    }

    public void AnalyzeObjectCreation(OperationAnalysisContext context)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Constructor is { } constructor)
        {
            AnalyzeArguments(context, creation.Arguments, constructor);
        }
    }

    // An argument's value already has the parameter's type, because it includes the conversion. Reading it is
    // cheaper than reading the parameter's type, which a generic method substitutes on first use, so the parameter
    // is read only for a validation delegate.
    private void AnalyzeArguments(
        OperationAnalysisContext context, ImmutableArray<IArgumentOperation> arguments, IMethodSymbol method)
    {
        foreach (var argument in arguments)
        {
            var value = argument.Value;
            if (CanCarryCallback(value.Kind) && delegates.IsValidationDelegate(value.Type))
            {
                AnalyzeArgument(context, argument, method);
            }
        }
    }

    // CertificateCallbackInspector follows only these kinds of value, so any other argument, such as a literal or
    // a parameter, is skipped before its type is read.
    private static bool CanCarryCallback(OperationKind kind) => kind
        is OperationKind.Conversion
        or OperationKind.Parenthesized
        or OperationKind.DelegateCreation
        or OperationKind.AnonymousFunction
        or OperationKind.MethodReference
        or OperationKind.LocalReference
        or OperationKind.FieldReference
        or OperationKind.PropertyReference
        or OperationKind.Invocation
        or OperationKind.Conditional;

    public bool SearchesNames => !searchedNames.IsEmpty;

    /// <summary>
    /// Reports every use of HttpClientHandler.DangerousAcceptAnyServerCertificateValidator and every call of
    /// AllowAnyClientCertificate() in one file. A property reference or invocation action would run on every
    /// property reference or call of the compilation. The rule looks only where the file's text names the member, or
    /// at the whole file when it contains a \u escape or a formatting character, which can hide the name (see
    /// <see cref="NameSearch"/>).
    /// </summary>
    public void AnalyzeNamedUses(SemanticModelAnalysisContext context)
    {
        var tree = context.SemanticModel.SyntaxTree;
        foreach (var token in NameSearch.FindIdentifiers(tree, context.FilterSpan, searchedNames, context.CancellationToken))
        {
            if (token.Parent is IdentifierNameSyntax name)
            {
                AnalyzeNamedUse(context, name);
            }
        }
    }

    private void AnalyzeNamedUse(SemanticModelAnalysisContext context, IdentifierNameSyntax name)
    {
        switch (name.Identifier.ValueText)
        {
            case AcceptAnyValidatorName when acceptAnyValidator is not null:
                AnalyzeAcceptAnyValidatorName(context, name);
                break;

            case AllowAnyClientCertificateName when allowAnyClientCertificate is not null:
                AnalyzeAllowAnyClientCertificateName(context, name);
                break;
        }
    }

    private void AnalyzeAcceptAnyValidatorName(SemanticModelAnalysisContext context, IdentifierNameSyntax name)
    {
        if (!IsInNameOf(name)
            && context.SemanticModel.GetSymbolInfo(name, context.CancellationToken).Symbol is IPropertySymbol property
            && SymbolMatch.Is(property.OriginalDefinition, acceptAnyValidator))
        {
            var reference = name.Parent is MemberAccessExpressionSyntax access && access.Name == name
                ? access
                : (SyntaxNode)name;
            Report(context.ReportDiagnostic, context.Options, reference.GetLocation(), null,
                CertificateValidationDisabledAnalyzer.AcceptAnyValidatorKind,
                "'HttpClientHandler.DangerousAcceptAnyServerCertificateValidator'");
        }
    }

    // options.AllowAnyClientCertificate(), options?.AllowAnyClientCertificate(), (options!.AllowAnyClientCertificate)(),
    // or the bare name inside a subclass.
    private void AnalyzeAllowAnyClientCertificateName(SemanticModelAnalysisContext context, IdentifierNameSyntax name)
    {
        SyntaxNode callee = name.Parent is MemberAccessExpressionSyntax { Name: var accessed } access && accessed == name
            ? access
            : name.Parent is MemberBindingExpressionSyntax { Name: var bound } binding && bound == name ? binding : name;
        while (callee.Parent is ParenthesizedExpressionSyntax
            or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
        {
            callee = callee.Parent;
        }

        if (callee.Parent is InvocationExpressionSyntax call
            && call.Expression == callee
            && context.SemanticModel.GetOperation(call, context.CancellationToken) is IInvocationOperation invocation)
        {
            AnalyzeAllowAnyClientCertificate(context.ReportDiagnostic, context.Options, invocation, context.CancellationToken);
        }
    }

    // nameof(HttpClientHandler.DangerousAcceptAnyServerCertificateValidator) names the property without using it.
    private static bool IsInNameOf(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } })
            {
                return true;
            }

            if (ancestor is StatementSyntax or MemberDeclarationSyntax)
            {
                return false;
            }
        }

        return false;
    }

    private void AnalyzeArgument(OperationAnalysisContext context, IArgumentOperation argument, IMethodSymbol method)
    {
        if (argument is not { ArgumentKind: not ArgumentKind.DefaultValue, Parameter: { RefKind: RefKind.None } parameter }
            || !delegates.IsValidationDelegate(parameter.Type))
        {
            return;
        }

        AnalyzeValue(context, argument.Value, "The callback passed as '" + parameter.Name + "' of '" + Describe(method) + "'");
    }

    private void AnalyzeAllowAnyClientCertificate(
        Action<Diagnostic> reportDiagnostic,
        AnalyzerOptions options,
        IInvocationOperation invocation,
        CancellationToken cancellationToken)
    {
        if (!SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, allowAnyClientCertificate))
        {
            return;
        }

        // With certificate authentication registered, AllowAnyClientCertificate() is the documented set-up: Kestrel
        // hands every certificate to the authentication handler, which validates it.
        if (!HasCertificateAuthentication(cancellationToken))
        {
            Report(reportDiagnostic, options, invocation.Syntax.GetLocation(), null,
                CertificateValidationDisabledAnalyzer.AllowAnyClientCertificateKind,
                "'AllowAnyClientCertificate()' without certificate authentication");
        }
    }

    // Readonly fields and get-only properties contain a callback that is used elsewhere. The rule follows them from
    // the place where they are used instead of reporting them where they are initialized.
    // NOTE: a public readonly holder that no code in the compilation passes to a sink (a library's shared
    // AcceptAll field) is therefore not reported.
    private bool IsSinkMember(ISymbol member) => member switch
    {
        IFieldSymbol field => !field.IsReadOnly && delegates.IsValidationDelegate(field.Type),
        IPropertySymbol property => property.SetMethod is not null
            && delegates.IsValidationDelegate(property.Type),
        _ => false,
    };

    private void AnalyzeValue(OperationAnalysisContext context, IOperation value, string sink)
    {
        var inspector = new CertificateCallbackInspector(compilation, value.SemanticModel, context.CancellationToken);
        if (!inspector.AcceptsEveryCertificate(value, out var origin))
        {
            return;
        }

        var location = value.Syntax.GetLocation();
        var additional = origin is not null && !location.SourceSpan.Contains(origin.SourceSpan) ? origin : null;
        Report(context.ReportDiagnostic, context.Options, location, additional, CertificateValidationDisabledAnalyzer.CallbackKind, sink);
    }

    private void Report(
        Action<Diagnostic> reportDiagnostic,
        AnalyzerOptions options,
        Location location,
        Location? additional,
        string kind,
        string subject)
    {
        if (SkipsFile(reportDiagnostic, options, location))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(CertificateValidationDisabledAnalyzer.KindProperty, kind);
        var additionalLocations = additional is { IsInSource: true } ? new[] { additional } : Array.Empty<Location>();
        reportDiagnostic(Diagnostic.Create(
            CertificateValidationDisabledAnalyzer.Rule, location, additionalLocations, properties, subject));
    }

    // Test projects that talk to a local server with a self-signed certificate bypass validation on purpose. The
    // option silences them in one place instead of a suppression at every call.
    private bool SkipsFile(Action<Diagnostic> reportDiagnostic, AnalyzerOptions options, Location location)
    {
        if (location.SourceTree is not { } tree)
        {
            return false;
        }

        var skip = AnalyzerOptionReader.GetBoolean(
            options, tree, CertificateValidationDisabledAnalyzer.SkipTestProjectsKey, false, out var invalid);
        if (invalid is not null && invalidOptionReported.TryAdd(tree, true))
        {
            reportDiagnostic(Diagnostic.Create(
                InvalidOptionDiagnostic.Rule, location, CertificateValidationDisabledAnalyzer.SkipTestProjectsKey, invalid, "false"));
        }

        return skip && skipTestProjectsApplies;
    }

    private bool HasCertificateAuthentication(CancellationToken cancellationToken)
    {
        lock (certificateAuthenticationLock)
        {
            hasCertificateAuthentication ??= compilation.GetTypeByMetadataName(CertificateAuthenticationExtensions) is not null
                && compilation.SyntaxTrees.Any(tree => CallsAddCertificate(tree, cancellationToken));
            return hasCertificateAuthentication.Value;
        }
    }

    // NOTE: a call named AddCertificate in any file counts as registering certificate authentication when the
    // package's extension class is referenced. The rule does not bind the call to check its target.
    private static bool CallsAddCertificate(SyntaxTree tree, CancellationToken cancellationToken)
    {
        return tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>().Any(
            invocation => invocation.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText == "AddCertificate",
                SimpleNameSyntax name => name.Identifier.ValueText == "AddCertificate",
                _ => false,
            });
    }

    private static string Describe(ISymbol symbol) => symbol is IMethodSymbol { MethodKind: MethodKind.Constructor }
        ? symbol.ContainingType.Name
        : symbol.ContainingType is null ? symbol.Name : symbol.ContainingType.Name + "." + symbol.Name;
}
