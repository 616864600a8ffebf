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
/// TLS010: reports <c>AppContext.SetSwitch(name, true)</c> where <c>name</c> is a constant naming a switch that turns a
/// TLS protection off. Every switch here defaults to the safe value on current frameworks, so setting it to true only
/// brings back legacy behaviour.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WeakeningRuntimeSwitchAnalyzer : DiagnosticAnalyzer
{
    /// <summary>
    /// The weakening switches and what turning each on does. The runtime stores switch names in an ordinal
    /// dictionary on .NET Framework and .NET alike, so a name in other casing sets a switch that no code reads and
    /// is not reported.
    /// </summary>
    public static readonly ImmutableDictionary<string, string> Switches = new Dictionary<string, string>
    {
        ["Switch.System.Net.DontEnableSchUseStrongCrypto"] =
            "stops .NET Framework from passing SCH_USE_STRONG_CRYPTO to Schannel, "
            + "so weak cipher suites and protocol versions come back",
        ["Switch.System.Net.DontEnableSystemDefaultTlsVersions"] =
            "makes .NET Framework use protocol versions it picks itself instead of the operating system's choice",
        ["Switch.System.ServiceModel.DisableUsingServicePointManagerSecurityProtocols"] =
            "limits WCF message security with certificate credentials to TLS 1.0 at most",
        ["Switch.System.ServiceModel.DontEnableSystemDefaultTlsVersions"] =
            "makes WCF default to its own protocol list instead of the operating system's choice",
        ["System.Net.Security.NoRevocationCheckByDefault"] =
            "turns off the certificate revocation check that SslStream and HttpClient make by default since .NET 10",

        // No .NET release up to .NET 10 reads this name, so the call changes nothing today. It is reported because
        // code that sets it means to relax revocation checking.
        ["System.Net.Security.OfflineRevocationByDefault"] =
            "asks for revocation checks against cached data only, so a revoked certificate can pass",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.WeakeningRuntimeSwitch,
        title: "Runtime switch weakens TLS",
        messageFormat: "Setting the AppContext switch '{0}' to true {1}",
        description: "These AppContext switches exist to bring back legacy TLS behaviour. Remove the "
            + "AppContext.SetSwitch call, or set the switch to false where the app must override a legacy default.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(
            GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        // AppContext came with .NET Framework 4.6 and netstandard1.3.
        var appContext = context.Compilation.FindType("System.AppContext");
        var setSwitch = appContext?.GetMembers("SetSwitch").OfType<IMethodSymbol>()
            .FirstOrDefault(method => method.IsStatic && method.Parameters.Length == 2);
        if (setSwitch is null)
        {
            return;
        }

        var finder = new NamedOperationFinder(
            ImmutableArray.Create("SetSwitch"),
            (OperationKind.Invocation, operationContext => AnalyzeInvocation(operationContext, setSwitch)));
        context.RegisterSemanticModelAction(finder.AnalyzeFile);
    }

    private static void AnalyzeInvocation(OperationSite context, IMethodSymbol setSwitch)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "SetSwitch" || !SymbolMatch.Is(invocation.TargetMethod, setSwitch))
        {
            return;
        }

        // Named arguments may come in any order, so look them up by parameter position.
        // NOTE: only constants count. A name in a static readonly field or one built at run time is not followed.
        var name = GetArgumentValue(invocation, ordinal: 0)?.ConstantValue;
        var isEnabled = GetArgumentValue(invocation, ordinal: 1)?.ConstantValue;
        if (name is not { HasValue: true, Value: string switchName }
            || isEnabled is not { HasValue: true, Value: true })
        {
            return;
        }

        if (Switches.TryGetValue(switchName, out var effect))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), switchName, effect));
        }
    }

    private static IOperation? GetArgumentValue(IInvocationOperation invocation, int ordinal)
    {
        return invocation.Arguments.FirstOrDefault(argument => argument.Parameter?.Ordinal == ordinal)?.Value;
    }
}
