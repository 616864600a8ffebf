using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
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

    public void AnalyzeObjectCreation(OperationAnalysisContext context)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!SymbolMatch.Is(creation.Type, _serverOptions)
            || AssignedPropertyFinder.FindValues(creation, _cipherSuitesPolicy).Any()
            || IsHandedToOtherCode(creation))
        {
            return;
        }

        Report(context.ReportDiagnostic, MissingCipherSuitesPolicyAnalyzer.Rule, GetCreationLocation(creation),
            context.Options, _serverOptions.Name);
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
        System.Action<Diagnostic> report, DiagnosticDescriptor rule, Location location, AnalyzerOptions options,
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
