using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TlsAnalyzers.Infrastructure;

namespace TlsAnalyzers.Rules;

/// <summary>
/// TLS003: an explicit opt-out of certificate revocation checks, such as <c>CheckCertificateRevocationList = false</c>
/// or <c>CertificateRevocationCheckMode = X509RevocationMode.NoCheck</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RevocationCheckDisabledAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property of a diagnostic that names the kind of value the fixer writes: a bool or a mode.</summary>
    public const string ValueKindProperty = "ValueKind";

    public const string BooleanKind = "Boolean";

    public const string RevocationModeKind = "RevocationMode";

    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.RevocationCheckDisabled,
        title: "Certificate revocation check disabled",
        messageFormat: "'{0}' is set to '{1}', which turns off certificate revocation checks",
        description: "Without a revocation check, a certificate that was stolen and revoked is still accepted. "
            + "Set the property to true, or the mode to X509RevocationMode.Online, or leave the default, which "
            + "checks revocation on .NET 10 and later.");

    private static readonly string[] RevocationListProperties =
    [
        "System.Net.Http.HttpClientHandler",
        "System.Net.ServicePointManager",
        "System.Net.Http.WinHttpHandler",
    ];

    private static readonly string[] RevocationModeOwners =
    [
        "System.Net.Security.SslClientAuthenticationOptions",
        "System.Net.Security.SslServerAuthenticationOptions",
    ];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        // Every target property has Revocation in its name, and every target method starts with AuthenticateAs.
        var targets = RevocationTargets.Create(context.Compilation);
        var names = ImmutableArray.CreateBuilder<string>();
        var actions = new List<(OperationKind, Action<OperationSite>)>();
        if (targets.BooleanProperties.Count > 0 || targets.ModeProperties.Count > 0)
        {
            names.Add("Revocation");
            actions.Add((OperationKind.SimpleAssignment, targets.AnalyzeAssignment));
        }

        if (targets.SslStreamType is not null)
        {
            names.Add("AuthenticateAs");
            actions.Add((OperationKind.Invocation, targets.AnalyzeInvocation));
        }

        if (actions.Count > 0)
        {
            var finder = new NamedOperationFinder(names.ToImmutable(), actions.ToArray());
            context.RegisterSemanticModelAction(finder.AnalyzeFile);
        }
    }

    /// <summary>The revocation switches that exist in one compilation's framework.</summary>
    private sealed class RevocationTargets
    {
        private object? noCheckValue;
        private INamedTypeSymbol? modeType;

        public HashSet<IPropertySymbol> BooleanProperties { get; } = new(SymbolEqualityComparer.Default);

        public HashSet<IPropertySymbol> ModeProperties { get; } = new(SymbolEqualityComparer.Default);

        public INamedTypeSymbol? SslStreamType { get; private set; }

        public static RevocationTargets Create(Compilation compilation)
        {
            var targets = new RevocationTargets();
            foreach (var typeName in RevocationListProperties)
            {
                AddProperty(compilation, typeName, "CheckCertificateRevocationList", targets.BooleanProperties);
            }

            AddProperty(compilation, "Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions",
                "CheckCertificateRevocation", targets.BooleanProperties);

            var modeType = compilation.FindType("System.Security.Cryptography.X509Certificates.X509RevocationMode");
            targets.modeType = modeType;
            targets.noCheckValue = modeType?.GetMembers("NoCheck").OfType<IFieldSymbol>().FirstOrDefault()?.ConstantValue;
            if (targets.noCheckValue is not null)
            {
                foreach (var typeName in RevocationModeOwners)
                {
                    AddProperty(compilation, typeName, "CertificateRevocationCheckMode", targets.ModeProperties);
                }

                // The chain policy decides for every chain built with it: an X509Chain, a validation callback that
                // rebuilds the chain, or the CertificateChainPolicy of the SslStream options (.NET 7 and later).
                AddProperty(compilation, "System.Security.Cryptography.X509Certificates.X509ChainPolicy",
                    "RevocationMode", targets.ModeProperties);
            }

            targets.SslStreamType = compilation.FindType("System.Net.Security.SslStream");
            return targets;
        }

        public void AnalyzeAssignment(OperationSite context)
        {
            // Every target property has Revocation in its name. The name and type tests reject other assignments
            // before any symbol is hashed.
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: var property }
                || property.Name.IndexOf("Revocation", StringComparison.Ordinal) < 0)
            {
                return;
            }

            if (property.Type.SpecialType != SpecialType.System_Boolean
                && !SymbolMatch.Is(property.Type, modeType))
            {
                return;
            }

            property = property.OriginalDefinition;
            if (BooleanProperties.Contains(property) && IsConstantFalse(assignment.Value))
            {
                Report(context, assignment.Syntax, property, "false", BooleanKind);
            }
            else if (ModeProperties.Contains(property) && IsNoCheck(assignment.Value))
            {
                Report(context, assignment.Syntax, property, "X509RevocationMode.NoCheck", RevocationModeKind);
            }
        }

        // SslStream.AuthenticateAsClient/AuthenticateAsServer and their async forms take the switch as an argument.
        public void AnalyzeInvocation(OperationSite context)
        {
            // The methods that take checkCertificateRevocation are AuthenticateAsClient and AuthenticateAsServer and
            // their Async forms. The name test comes first, because reading a containing type can allocate.
            var invocation = (IInvocationOperation)context.Operation;
            if (!invocation.TargetMethod.Name.StartsWith("AuthenticateAs", StringComparison.Ordinal)
                || !SymbolMatch.Is(invocation.TargetMethod.ContainingType, SslStreamType))
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument is { ArgumentKind: ArgumentKind.Explicit, Parameter: { Name: "checkCertificateRevocation" } parameter }
                    && IsConstantFalse(argument.Value))
                {
                    Report(context, argument.Syntax, parameter, "false", BooleanKind);
                }
            }
        }

        // NOTE: only constants count. `var check = false; handler.CheckCertificateRevocationList = check;` is missed.
        private static bool IsConstantFalse(IOperation value) =>
            value.ConstantValue is { HasValue: true, Value: false };

        private bool IsNoCheck(IOperation value) =>
            value.ConstantValue is { HasValue: true, Value: { } constant } && constant.Equals(noCheckValue);

        private static void Report(
            OperationSite context, SyntaxNode node, ISymbol target, string value, string valueKind)
        {
            var name = target is IParameterSymbol parameter
                ? parameter.ContainingSymbol.ContainingType.Name + "." + parameter.ContainingSymbol.Name + "(" + parameter.Name + ")"
                : target.ContainingType.Name + "." + target.Name;
            var properties = ImmutableDictionary<string, string?>.Empty.Add(ValueKindProperty, valueKind);
            context.ReportDiagnostic(Diagnostic.Create(Rule, node.GetLocation(), properties, name, value));
        }

        private static void AddProperty(Compilation compilation, string typeName, string propertyName, HashSet<IPropertySymbol> set)
        {
            var property = compilation.FindType(typeName)
                ?.GetMembers(propertyName).OfType<IPropertySymbol>().FirstOrDefault();
            if (property is not null)
            {
                set.Add(property);
            }
        }
    }
}
