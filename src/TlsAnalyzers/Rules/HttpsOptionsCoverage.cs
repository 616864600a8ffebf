using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TlsAnalyzers.Infrastructure;

namespace TlsAnalyzers.Rules;

/// <summary>Whether a Kestrel HTTPS set-up installs a CipherSuitesPolicy.</summary>
internal enum PolicyCoverage
{
    /// <summary>No OnAuthenticate callback, or one that never sets CipherSuitesPolicy.</summary>
    Missing,

    /// <summary>An OnAuthenticate callback sets CipherSuitesPolicy.</summary>
    Set,

    /// <summary>The options come from code the rule cannot see (a method group, a parameter, a callback).</summary>
    Unknown,
}

/// <summary>
/// Decides whether a <c>UseHttps</c> or <c>ConfigureHttpsDefaults</c> call installs an <c>OnAuthenticate</c> callback
/// on <c>HttpsConnectionAdapterOptions</c> that sets <c>CipherSuitesPolicy</c>.
/// </summary>
internal sealed class HttpsOptionsCoverage
{
    private readonly IPropertySymbol _onAuthenticate;
    private readonly IPropertySymbol _cipherSuitesPolicy;

    public HttpsOptionsCoverage(IPropertySymbol onAuthenticate, IPropertySymbol cipherSuitesPolicy)
    {
        _onAuthenticate = onAuthenticate;
        _cipherSuitesPolicy = cipherSuitesPolicy;
    }

    public PolicyCoverage Evaluate(IInvocationOperation invocation)
    {
        var optionsType = _onAuthenticate.ContainingType;
        foreach (var argument in invocation.Arguments)
        {
            var parameterType = argument.Parameter?.Type;
            if (parameterType is INamedTypeSymbol { Name: "Action", TypeArguments.Length: 1 } action
                && SymbolEqualityComparer.Default.Equals(action.TypeArguments[0], optionsType))
            {
                return EvaluateConfigureCallback(argument.Value);
            }

            if (SymbolEqualityComparer.Default.Equals(parameterType, optionsType))
            {
                return EvaluateOptionsObject(invocation, argument.Value);
            }

            // ServerOptionsSelectionCallback and TlsHandshakeCallbackOptions build SslServerAuthenticationOptions in
            // the app's own code, where the rule checks the object creation instead.
            if (parameterType?.Name is "ServerOptionsSelectionCallback" or "TlsHandshakeCallbackOptions")
            {
                return PolicyCoverage.Unknown;
            }
        }

        return PolicyCoverage.Missing;
    }

    private PolicyCoverage EvaluateConfigureCallback(IOperation value)
    {
        if (GetAnonymousFunction(value) is not { } configure)
        {
            return PolicyCoverage.Unknown;
        }

        var callbacks = configure.Body.Descendants()
            .OfType<IAssignmentOperation>()
            .Where(assignment => assignment.Target is IPropertyReferenceOperation target
                && SymbolEqualityComparer.Default.Equals(target.Property.OriginalDefinition, _onAuthenticate))
            .Select(assignment => assignment.Value);
        return EvaluateCallbacks(callbacks);
    }

    private PolicyCoverage EvaluateOptionsObject(IInvocationOperation invocation, IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value is IObjectCreationOperation creation)
        {
            return EvaluateCallbacks(AssignedPropertyFinder.FindValues(creation, _onAuthenticate));
        }

        if (value is ILocalReferenceOperation local)
        {
            return EvaluateCallbacks(AssignedPropertyFinder.FindThroughVariable(invocation, local.Local, _onAuthenticate));
        }

        return PolicyCoverage.Unknown;
    }

    private PolicyCoverage EvaluateCallbacks(IEnumerable<IOperation> callbacks)
    {
        var coverage = PolicyCoverage.Missing;
        foreach (var callback in callbacks)
        {
            if (GetAnonymousFunction(callback) is not { } function)
            {
                // NOTE: a method group or delegate variable may set the policy; the rule does not follow it.
                coverage = PolicyCoverage.Unknown;
                continue;
            }

            if (SetsCipherSuitesPolicy(function))
            {
                return PolicyCoverage.Set;
            }
        }

        return coverage;
    }

    private bool SetsCipherSuitesPolicy(IAnonymousFunctionOperation function) =>
        function.Body.Descendants().OfType<IAssignmentOperation>().Any(assignment =>
            assignment.Target is IPropertyReferenceOperation target
            && SymbolEqualityComparer.Default.Equals(target.Property.OriginalDefinition, _cipherSuitesPolicy));

    private static IAnonymousFunctionOperation? GetAnonymousFunction(IOperation value)
    {
        while (value is IConversionOperation or IDelegateCreationOperation)
        {
            value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
        }

        return value as IAnonymousFunctionOperation;
    }
}
