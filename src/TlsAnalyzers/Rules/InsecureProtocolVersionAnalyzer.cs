using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TlsAnalyzers.Infrastructure;

namespace TlsAnalyzers.Rules;

/// <summary>
/// Reports values of <c>SslProtocols</c> and <c>SecurityProtocolType</c> that enable SSL 2.0, SSL 3.0, TLS 1.0 or
/// TLS 1.1: weak enum members, integer constants cast to either enum, and complements such as
/// <c>~SecurityProtocolType.Ssl3</c>. Code that only compares, masks or removes a weak value is left alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InsecureProtocolVersionAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.InsecureProtocolVersion,
        title: "Insecure SSL/TLS protocol version",
        messageFormat: "'{0}' enables insecure {1}",
        description: "SSL 2.0, SSL 3.0, TLS 1.0 and TLS 1.1 have known attacks and are deprecated (RFC 8996). "
            + "Allow only TLS 1.2 and TLS 1.3, or leave the choice to the operating system with "
            + "SslProtocols.None or SecurityProtocolType.SystemDefault.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(
            GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var protocolTypes = ProtocolEnumTypes.Create(context.Compilation);
        if (protocolTypes is null)
        {
            return;
        }

        var analysis = new ProtocolValueAnalysis(protocolTypes);
        var weakNames = protocolTypes.WeakMemberNames;
        if (!weakNames.IsEmpty)
        {
            // A member is spelled wherever it is used, so a search for the weak members' names finds every use
            // without an action on each of the compilation's field references (see FieldReferenceFinder).
            var finder = new FieldReferenceFinder(weakNames, weakNames.Contains, analysis.AnalyzeFieldReference, wholeNames: true);
            context.RegisterSemanticModelAction(finder.AnalyzeFile);
        }

        context.RegisterSyntaxNodeAction(
            nodeContext => WrittenCasts.ForEachConversion(nodeContext, analysis.AnalyzeConversion),
            SyntaxKind.CastExpression);
        context.RegisterSemanticModelAction(analysis.AnalyzeComplements);
    }

    private sealed class ProtocolValueAnalysis
    {
        private readonly ProtocolEnumTypes _types;

        public ProtocolValueAnalysis(ProtocolEnumTypes types) => _types = types;

        /// <summary>Reports a weak member such as <c>SslProtocols.Tls11</c>, where it is written.</summary>
        /// <remarks>
        /// NOTE: a constant that names old versions only to test for them, such as <c>OldVersions</c> in
        /// <c>(p &amp; OldVersions) != 0</c>, is still reported at its declaration, because uses of a constant are
        /// not followed.
        /// </remarks>
        public void AnalyzeFieldReference(OperationSite context)
        {
            var reference = (IFieldReferenceOperation)context.Operation;
            var field = reference.Field;
            if (!field.IsConst
                || !_types.Contains(field.ContainingType)
                || !ProtocolBits.TryGetValue(field.ConstantValue, out var value)
                || _types.GetWeakBits(field.ContainingType, value) is not (> 0 and var weakBits)
                || IsInsideComplement(reference)
                || ValueTestContext.IsTestedOrRemoved(reference))
            {
                return;
            }

            var text = field.ContainingType.Name + "." + field.Name;
            Report(context.ReportDiagnostic, reference, text, weakBits);
        }

        /// <summary>
        /// Reports an integer constant cast to a protocol enum or its nullable form, such as <c>(SslProtocols)192</c>
        /// or <c>(SslProtocols?)192</c>. Only casts in the source count: the one valid implicit conversion is from the
        /// constant 0, which enables nothing old, and the compiler reports the others as errors.
        /// </summary>
        /// <remarks>
        /// NOTE: <c>const int Legacy = (int)SslProtocols.Tls</c> followed by <c>(SslProtocols)Legacy</c> gives two
        /// diagnostics for one value, at the member and at each cast, because the integer constant is not traced
        /// back to the member it came from. Each fix on its own leaves compiling, hardened code.
        /// </remarks>
        public void AnalyzeConversion(IConversionOperation conversion, Action<Diagnostic> reportDiagnostic)
        {
            if (!IsWrittenCast(conversion)
                || _types.GetProtocolEnum(conversion.Type) is not { } enumType
                || HasProtocolEnumSource(conversion.Operand)
                || !conversion.Operand.ConstantValue.HasValue
                || !ProtocolBits.TryGetValue(conversion.Operand.ConstantValue.Value, out var value)
                || _types.GetWeakBits(enumType, value) is not (> 0 and var weakBits)
                || IsInsideComplement(conversion)
                || ValueTestContext.IsTestedOrRemoved(conversion))
            {
                return;
            }

            Report(reportDiagnostic, conversion, conversion.Syntax.ToString(), weakBits);
        }

        /// <summary>
        /// Reports each complement of one file such as <c>~SecurityProtocolType.Ssl3</c>: it switches on every other
        /// bit, the old TLS versions included. <c>x &amp; ~SslProtocols.Tls</c> clears bits instead and is not
        /// reported. A complement is always written with <c>~</c>, which few lines contain, so the rule binds only
        /// those instead of running on every unary operation of the compilation.
        /// </summary>
        public void AnalyzeComplements(SemanticModelAnalysisContext context)
        {
            var model = context.SemanticModel;
            var searchSpan = NameSearch.WidenToStatements(model.SyntaxTree, context.FilterSpan, context.CancellationToken);
            foreach (var tilde in NameSearch.FindTokensOfKind(
                model.SyntaxTree, searchSpan, "~", SyntaxKind.TildeToken, context.CancellationToken))
            {
                if (tilde.Parent is PrefixUnaryExpressionSyntax expression
                    && expression.IsKind(SyntaxKind.BitwiseNotExpression)
                    && (context.FilterSpan is not { } span || expression.Span.IntersectsWith(span))
                    && model.GetOperation(expression, context.CancellationToken) is IUnaryOperation complement)
                {
                    AnalyzeComplement(context.ReportDiagnostic, complement);
                }
            }
        }

        private void AnalyzeComplement(Action<Diagnostic> reportDiagnostic, IUnaryOperation complement)
        {
            if (complement.OperatorKind != UnaryOperatorKind.BitwiseNegation)
            {
                return;
            }

            var enumType = _types.GetProtocolEnum(complement.Type);
            if (enumType is null
                || !TryGetComplementValue(complement, out var value)
                || _types.GetWeakBits(enumType, value) is not (> 0 and var weakBits)
                || IsInsideComplement(complement)
                || ValueTestContext.IsTestedOrRemoved(complement))
            {
                return;
            }

            Report(reportDiagnostic, complement, complement.Syntax.ToString(), weakBits);
        }

        // The compiler splits `(SslProtocols?)192` into two conversions that it marks implicit: int to SslProtocols,
        // then SslProtocols to SslProtocols?. Both have the cast as their syntax, while a conversion that the compiler
        // adds on its own has its operand as its syntax.
        private static bool IsWrittenCast(IConversionOperation conversion)
        {
            return !conversion.IsImplicit || conversion.Syntax != conversion.Operand.Syntax;
        }

        // A lifted complement such as `~(SslProtocols?)SslProtocols.Ssl3` is no constant for the compiler, because a
        // nullable conversion never is, so its value is computed from the constant inside the conversions.
        private static bool TryGetComplementValue(IUnaryOperation complement, out long value)
        {
            if (complement.ConstantValue.HasValue)
            {
                return ProtocolBits.TryGetValue(complement.ConstantValue.Value, out value);
            }

            var operand = complement.Operand;
            while (complement.IsLifted && !operand.ConstantValue.HasValue && operand is IConversionOperation inner)
            {
                operand = inner.Operand;
            }

            if (!operand.ConstantValue.HasValue || !ProtocolBits.TryGetValue(operand.ConstantValue.Value, out var bits))
            {
                value = 0;
                return false;
            }

            value = ~bits;
            return true;
        }

        // `(SecurityProtocolType)SslProtocols.Tls` is reported at the member already, so a cast from one protocol
        // enum to the other adds nothing.
        private bool HasProtocolEnumSource(IOperation operand)
        {
            while (operand is IConversionOperation inner && _types.GetProtocolEnum(operand.Type) is null)
            {
                operand = inner.Operand;
            }

            return _types.GetProtocolEnum(operand.Type) is not null;
        }

        // A complement clears the value inside it instead of enabling it, so only the outermost complement is judged.
        private static bool IsInsideComplement(IOperation operation)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConversionOperation:
                    case IParenthesizedOperation:
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Or }:
                        continue;
                    case IUnaryOperation { OperatorKind: UnaryOperatorKind.BitwiseNegation }:
                        return true;
                    default:
                        return false;
                }
            }

            return false;
        }

        private static void Report(Action<Diagnostic> reportDiagnostic, IOperation operation, string text, long weakBits)
        {
            var diagnostic = Diagnostic.Create(
                Rule, operation.Syntax.GetLocation(), NormalizeWhitespace(text), ProtocolBits.DescribeWeak(weakBits));
            reportDiagnostic(diagnostic);
        }

        private static string NormalizeWhitespace(string text) =>
            string.Join(" ", text.Split(new[] { ' ', '\t', '\r', '\n' }, System.StringSplitOptions.RemoveEmptyEntries));
    }
}
