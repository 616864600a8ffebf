using System;
using System.Collections.Concurrent;
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

/// <summary>The TLS types of one compilation and the TLS002 checks that use them.</summary>
internal sealed class CertificateValidationAnalysis
{
    private const string CertificateAuthenticationExtensions =
        "Microsoft.Extensions.DependencyInjection.CertificateAuthenticationAppBuilderExtensions";

    private readonly Compilation compilation;
    private readonly ValidationDelegateShape delegates;
    private readonly Lazy<IPropertySymbol?> acceptAnyValidator;
    private readonly Lazy<IMethodSymbol?> allowAnyClientCertificate;
    private readonly bool skipTestProjectsApplies;
    private readonly ConcurrentDictionary<SyntaxTree, bool> invalidOptionReported = new();
    private readonly CallbackHolderIndex holders;
    private readonly Func<ITypeSymbol?, bool> isValidationDelegate;
    private readonly object certificateAuthenticationLock = new();
    private bool? hasCertificateAuthentication;

    private CertificateValidationAnalysis(
        Compilation compilation,
        ValidationDelegateShape delegates,
        bool isTestProject,
        CancellationToken cancellationToken)
    {
        this.compilation = compilation;
        this.delegates = delegates;
        skipTestProjectsApplies = isTestProject;
        isValidationDelegate = delegates.IsValidationDelegate;

        // Few files name these members, so the types are looked up at the first file that does.
        acceptAnyValidator = new Lazy<IPropertySymbol?>(() => compilation
            .FindType("System.Net.Http.HttpClientHandler")
            ?.GetMembers(AcceptAnyValidatorName).OfType<IPropertySymbol>().FirstOrDefault());
        allowAnyClientCertificate = new Lazy<IMethodSymbol?>(() => compilation
            .FindType("Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions")
            ?.GetMembers(AllowAnyClientCertificateName).OfType<IMethodSymbol>().FirstOrDefault());
        holders = CallbackHolderIndex.Build(
            compilation, ImmutableArray.Create(AcceptAnyValidatorName, AllowAnyClientCertificateName), FixedNamePart, cancellationToken);
    }

    private const string AcceptAnyValidatorName = "DangerousAcceptAnyServerCertificateValidator";
    private const string AllowAnyClientCertificateName = "AllowAnyClientCertificate";

    // Both names above contain it, so a file without it needs no search for them.
    private const string FixedNamePart = "Certificate";

    /// <summary>Returns null when the compilation has no SslPolicyErrors, so no validation callback can exist.</summary>
    public static CertificateValidationAnalysis? Create(
        Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var sslPolicyErrors = compilation.FindType("System.Net.Security.SslPolicyErrors");
        if (sslPolicyErrors is null)
        {
            return null;
        }

        var isTestProject = string.Equals(
            AnalyzerOptionReader.GetMSBuildProperty(options, "IsTestProject"), "true", StringComparison.OrdinalIgnoreCase);

        var delegates = ValidationDelegateShape.Create(compilation, sslPolicyErrors);
        return new CertificateValidationAnalysis(compilation, delegates, isTestProject, cancellationToken);
    }

    /// <summary>
    /// Follows a lambda, anonymous method or method group that becomes a validation delegate to the arguments,
    /// assignments and initializers that take it. Starting from the few delegate creations of a compilation is much
    /// cheaper than testing its many calls, assignments and object creations. Reads of holders whose delegate is made
    /// in another member are found by <see cref="AnalyzeFile"/>.
    /// </summary>
    private void AnalyzeDelegateCreation(
        Action<Diagnostic> reportDiagnostic, AnalyzerOptions options, IDelegateCreationOperation creation, CancellationToken cancellationToken)
    {
        if (!delegates.IsValidationDelegate(creation.Type))
        {
            return;
        }

        foreach (var value in CallbackFlow.FindSinkValues(creation, cancellationToken))
        {
            if (CallbackFlow.FirstDelegateCreation(value, isValidationDelegate, cancellationToken)?.Syntax == creation.Syntax)
            {
                AnalyzeSinkValue(reportDiagnostic, options, value, cancellationToken);
            }
        }
    }

    // The value reaches an argument, an assignment or a member initializer. It is reported when that place takes a
    // validation delegate and the delegate accepts every certificate.
    private void AnalyzeSinkValue(
        Action<Diagnostic> reportDiagnostic, AnalyzerOptions options, IOperation value, CancellationToken cancellationToken)
    {
        switch (value.Parent)
        {
            case IArgumentOperation argument:
                var method = argument.Parent switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod,
                    IObjectCreationOperation creation => creation.Constructor,
                    _ => null,
                };
                if (method is not null)
                {
                    AnalyzeArgument(reportDiagnostic, options, argument, method, cancellationToken);
                }

                break;

            case IAssignmentOperation assignment:
                AnalyzeAssignment(reportDiagnostic, options, assignment, cancellationToken);
                break;

            case IFieldInitializerOperation or IPropertyInitializerOperation:
                AnalyzeInitializer(reportDiagnostic, options, (ISymbolInitializerOperation)value.Parent, cancellationToken);
                break;
        }
    }

    private void AnalyzeAssignment(
        Action<Diagnostic> reportDiagnostic, AnalyzerOptions options, IAssignmentOperation assignment, CancellationToken cancellationToken)
    {
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
            AnalyzeValue(reportDiagnostic, options, assignment.Value, "The callback assigned to '" + Describe(member) + "'", cancellationToken);
        }
    }

    private void AnalyzeInitializer(
        Action<Diagnostic> reportDiagnostic, AnalyzerOptions options, ISymbolInitializerOperation initializer, CancellationToken cancellationToken)
    {
        ISymbol? member = initializer switch
        {
            IFieldInitializerOperation field => field.InitializedFields.FirstOrDefault(),
            IPropertyInitializerOperation property => property.InitializedProperties.FirstOrDefault(),
            _ => null,
        };
        if (member is not null && IsSinkMember(member))
        {
            AnalyzeValue(reportDiagnostic, options, initializer.Value, "The callback assigned to '" + Describe(member) + "'", cancellationToken);
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

    /// <summary>
    /// Reports, in one file, the validation delegates made there that reach a sink and accept every certificate, every
    /// use of HttpClientHandler.DangerousAcceptAnyServerCertificateValidator, every call of AllowAnyClientCertificate()
    /// and every holder read that reaches a sink. Operation actions would run on every delegate creation, property
    /// reference or call of the compilation. The rule looks only where the file's text can make a validation delegate
    /// (see <see cref="DelegateCreationSearch"/>) or names the member, or at the whole file when it contains a \u
    /// escape or a formatting character, which can hide the name (see <see cref="NameSearch"/>).
    /// </summary>
    public void AnalyzeFile(SemanticModelAnalysisContext context)
    {
        var tree = context.SemanticModel.SyntaxTree;
        if (context.FilterSpan is { } filterSpan)
        {
            AnalyzeSpan(context, filterSpan);
            return;
        }

        // Every callback starts as a lambda, an anonymous method or a method group that becomes a delegate, so the
        // rule starts there and follows it to the calls, assignments and initializers that take it.
        foreach (var creation in DelegateCreationSearch.FindCreations(context.SemanticModel, holders, context.CancellationToken))
        {
            AnalyzeDelegateCreation(context.ReportDiagnostic, context.Options, creation, context.CancellationToken);
        }

        var names = holders.GetNames(tree);
        if (names.IsEmpty)
        {
            return;
        }

        HashSet<SyntaxNode>? reportedSinks = null;
        foreach (var token in NameSearch.FindIdentifiers(tree, null, names, context.CancellationToken))
        {
            if (token.Parent is not SimpleNameSyntax name)
            {
                continue;
            }

            // A holder of the app can share a name with the two members, such as a factory method named
            // AllowAnyClientCertificate, so a name can take both paths.
            AnalyzeFixedName(context, context.ReportDiagnostic, name);
            if (holders.HasHolders)
            {
                AnalyzeHolderName(context, context.ReportDiagnostic, name, reportedSinks ??= []);
            }
        }
    }

    private void AnalyzeFixedName(SemanticModelAnalysisContext context, Action<Diagnostic> reportDiagnostic, SimpleNameSyntax name)
    {
        switch (name.Identifier.ValueText)
        {
            case AcceptAnyValidatorName when name is IdentifierNameSyntax validator && acceptAnyValidator.Value is not null:
                AnalyzeAcceptAnyValidatorName(context, reportDiagnostic, validator);
                break;

            case AllowAnyClientCertificateName when name is IdentifierNameSyntax method && allowAnyClientCertificate.Value is not null:
                AnalyzeAllowAnyClientCertificateName(context, reportDiagnostic, method);
                break;
        }
    }

    // The IDE's analysis of a span: the delegate creations outside it get no action, so the rule checks every sink in
    // the members that the span touches backward, the way CertificateCallbackInspector decides it anyway. It walks
    // their operation trees rather than their syntax, because some sinks have no syntax of their own: the Add call of
    // a collection initializer, the SelectMany of a query, the AppendFormatted of an interpolated string. Only
    // diagnostics in the span count.
    private void AnalyzeSpan(SemanticModelAnalysisContext context, TextSpan span)
    {
        var tree = context.SemanticModel.SyntaxTree;
        var cancellationToken = context.CancellationToken;
        Action<Diagnostic> reportDiagnostic = diagnostic =>
        {
            if (diagnostic.Location.SourceSpan.IntersectsWith(span))
            {
                context.ReportDiagnostic(diagnostic);
            }
        };
        foreach (var token in NameSearch.FindIdentifiers(tree, span, holders.GetFixedNames(tree), cancellationToken))
        {
            if (token.Parent is SimpleNameSyntax name)
            {
                AnalyzeFixedName(context, reportDiagnostic, name);
            }
        }

        foreach (var operation in OperationTreesTouching(context.SemanticModel, span, cancellationToken))
        {
            foreach (var sink in operation.DescendantsAndSelf())
            {
                AnalyzeSink(reportDiagnostic, context.Options, sink, cancellationToken);
            }
        }
    }

    // The outermost operations whose syntax touches the span: a method body, a field initializer, a base constructor
    // call of a primary constructor.
    private static IEnumerable<IOperation> OperationTreesTouching(SemanticModel model, TextSpan span, CancellationToken cancellationToken)
    {
        var pending = new Stack<SyntaxNode>();
        pending.Push(model.SyntaxTree.GetRoot(cancellationToken));
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (!node.FullSpan.IntersectsWith(span))
            {
                continue;
            }

            if (model.GetOperation(node, cancellationToken) is { } operation)
            {
                yield return operation;
                continue;
            }

            foreach (var child in node.ChildNodes())
            {
                pending.Push(child);
            }
        }
    }

    private void AnalyzeSink(
        Action<Diagnostic> reportDiagnostic, AnalyzerOptions options, IOperation operation, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                AnalyzeArguments(reportDiagnostic, options, invocation.Arguments, invocation.TargetMethod, cancellationToken);
                break;

            case IObjectCreationOperation { Constructor: { } constructor } creation:
                AnalyzeArguments(reportDiagnostic, options, creation.Arguments, constructor, cancellationToken);
                break;

            case IAssignmentOperation assignment:
                AnalyzeAssignment(reportDiagnostic, options, assignment, cancellationToken);
                break;

            case ISymbolInitializerOperation initializer when initializer is IFieldInitializerOperation or IPropertyInitializerOperation:
                AnalyzeInitializer(reportDiagnostic, options, initializer, cancellationToken);
                break;
        }
    }

    private void AnalyzeArguments(
        Action<Diagnostic> reportDiagnostic,
        AnalyzerOptions options,
        ImmutableArray<IArgumentOperation> arguments,
        IMethodSymbol method,
        CancellationToken cancellationToken)
    {
        foreach (var argument in arguments)
        {
            AnalyzeArgument(reportDiagnostic, options, argument, method, cancellationToken);
        }
    }

    // A read of a holder, such as AcceptAll, Callbacks.AcceptAll or Callbacks.Create(), followed to the sinks it
    // reaches. A sink that a delegate creation also reaches is reported from there (see CallbackFlow).
    private void AnalyzeHolderName(
        SemanticModelAnalysisContext context, Action<Diagnostic> reportDiagnostic, SimpleNameSyntax name, HashSet<SyntaxNode> reportedSinks)
    {
        SyntaxNode expression = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        var callee = expression;
        while (callee.Parent is ParenthesizedExpressionSyntax
            or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
        {
            callee = callee.Parent;
        }

        if (callee.Parent is InvocationExpressionSyntax call && call.Expression == callee)
        {
            expression = call;
        }

        var cancellationToken = context.CancellationToken;
        var operation = context.SemanticModel.GetOperation(expression, cancellationToken);
        if (operation is null || !IsHolderRead(operation))
        {
            return;
        }

        foreach (var value in CallbackFlow.FindSinkValues(operation, cancellationToken))
        {
            if (CallbackFlow.FirstDelegateCreation(value, isValidationDelegate, cancellationToken) is null
                && reportedSinks.Add(value.Syntax))
            {
                AnalyzeSinkValue(reportDiagnostic, context.Options, value, cancellationToken);
            }
        }
    }

    // The reads that CertificateCallbackInspector follows to code in source: a readonly field, a get-only property, or
    // a method, whose type can hold a validation delegate: the delegate type, or one that a delegate converts to.
    private bool IsHolderRead(IOperation operation)
    {
        var type = operation switch
        {
            IFieldReferenceOperation { Field: { IsReadOnly: true } field } => field.Type,
            IPropertyReferenceOperation { Property: { SetMethod: null, IsIndexer: false } property } => property.Type,
            IInvocationOperation { TargetMethod: { ReturnsVoid: false } method } => method.ReturnType,
            _ => null,
        };
        return type is not null
            && (type.SpecialType is SpecialType.System_Object or SpecialType.System_Delegate or SpecialType.System_MulticastDelegate
                || type.TypeKind == TypeKind.Dynamic
                || type is INamedTypeSymbol { TypeKind: TypeKind.Interface, Name: "ICloneable" or "ISerializable" }
                || delegates.IsValidationDelegate(type));
    }

    private void AnalyzeAcceptAnyValidatorName(
        SemanticModelAnalysisContext context, Action<Diagnostic> reportDiagnostic, IdentifierNameSyntax name)
    {
        if (!IsInNameOf(name)
            && context.SemanticModel.GetSymbolInfo(name, context.CancellationToken).Symbol is IPropertySymbol property
            && SymbolMatch.Is(property.OriginalDefinition, acceptAnyValidator.Value))
        {
            var reference = name.Parent is MemberAccessExpressionSyntax access && access.Name == name
                ? access
                : (SyntaxNode)name;
            Report(reportDiagnostic, context.Options, reference.GetLocation(), null,
                CertificateValidationDisabledAnalyzer.AcceptAnyValidatorKind,
                "'HttpClientHandler.DangerousAcceptAnyServerCertificateValidator'");
        }
    }

    // options.AllowAnyClientCertificate(), options?.AllowAnyClientCertificate(), (options!.AllowAnyClientCertificate)(),
    // or the bare name inside a subclass.
    private void AnalyzeAllowAnyClientCertificateName(
        SemanticModelAnalysisContext context, Action<Diagnostic> reportDiagnostic, IdentifierNameSyntax name)
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
            AnalyzeAllowAnyClientCertificate(reportDiagnostic, context.Options, invocation, context.CancellationToken);
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

    private void AnalyzeArgument(
        Action<Diagnostic> reportDiagnostic,
        AnalyzerOptions options,
        IArgumentOperation argument,
        IMethodSymbol method,
        CancellationToken cancellationToken)
    {
        // The value's type is cheaper to read than the parameter's, which a generic method substitutes on first use.
        var value = argument.Value;
        if (!CanCarryCallback(value.Kind)
            || !delegates.IsValidationDelegate(value.Type)
            || argument is not { ArgumentKind: not ArgumentKind.DefaultValue, Parameter: { RefKind: RefKind.None } parameter }
            || !delegates.IsValidationDelegate(parameter.Type))
        {
            return;
        }

        AnalyzeValue(reportDiagnostic, options, value,
            "The callback passed as '" + parameter.Name + "' of '" + Describe(method) + "'", cancellationToken);
    }

    private void AnalyzeAllowAnyClientCertificate(
        Action<Diagnostic> reportDiagnostic,
        AnalyzerOptions options,
        IInvocationOperation invocation,
        CancellationToken cancellationToken)
    {
        if (!SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, allowAnyClientCertificate.Value))
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

    private void AnalyzeValue(
        Action<Diagnostic> reportDiagnostic, AnalyzerOptions options, IOperation value, string sink, CancellationToken cancellationToken)
    {
        var inspector = new CertificateCallbackInspector(compilation, value.SemanticModel, cancellationToken);
        if (!inspector.AcceptsEveryCertificate(value, out var origin))
        {
            return;
        }

        var location = value.Syntax.GetLocation();
        var additional = origin is not null && !location.SourceSpan.Contains(origin.SourceSpan) ? origin : null;
        Report(reportDiagnostic, options, location, additional, CertificateValidationDisabledAnalyzer.CallbackKind, sink);
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
            hasCertificateAuthentication ??= compilation.FindType(CertificateAuthenticationExtensions) is not null
                && compilation.SyntaxTrees.Any(tree => CallsAddCertificate(tree, cancellationToken));
            return hasCertificateAuthentication.Value;
        }
    }

    // NOTE: a call named AddCertificate in any file counts as registering certificate authentication when the
    // package's extension class is referenced. The rule does not bind the call to check its target.
    private static bool CallsAddCertificate(SyntaxTree tree, CancellationToken cancellationToken)
    {
        // Only the files that spell the name, or may hide it, are walked.
        var text = tree.GetText(cancellationToken).ToString();
        if (!NameSearch.Contains(tree, text, "AddCertificate") && !NameSearch.MayHideNames(tree, text))
        {
            return false;
        }

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
