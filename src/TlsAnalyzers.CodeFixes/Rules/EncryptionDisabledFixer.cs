using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using TlsAnalyzers.Rules;

namespace TlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// Fixes TLS009. The first fix, which <c>dotnet format</c> applies, puts <c>EncryptionPolicy.RequireEncryption</c>
/// in place of the weak value and always compiles. Where the value is an argument of a call that has an overload
/// without the policy parameter (the <c>SslStream</c> constructors), a second fix drops the argument.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EncryptionDisabledFixer))]
[Shared]
public sealed class EncryptionDisabledFixer : CodeFixProvider
{
    public const string RequireEncryptionKey = "TLS009.RequireEncryption";
    public const string RemoveArgumentKey = "TLS009.RemoveArgument";

    private const string RequireEncryptionName = "RequireEncryption";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.EncryptionDisabled);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken)
            .ConfigureAwait(false);
        var policyType = semanticModel?.Compilation.GetTypeByMetadataName(
            EncryptionDisabledAnalyzer.EncryptionPolicyTypeName);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not ExpressionSyntax value
            || semanticModel is null
            || policyType is null)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Use EncryptionPolicy.RequireEncryption",
                cancellationToken => RequireEncryptionAsync(context.Document, value, policyType, cancellationToken),
                RequireEncryptionKey),
            context.Diagnostics);

        if (value.Parent is ArgumentSyntax argument
            && CanRemoveArgument(semanticModel, argument, context.CancellationToken))
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove the EncryptionPolicy argument",
                    cancellationToken => RemoveArgumentAsync(context.Document, argument, cancellationToken),
                    RemoveArgumentKey),
                context.Diagnostics);
        }
    }

    private static async Task<Document> RequireEncryptionAsync(
        Document document, ExpressionSyntax value, INamedTypeSymbol policyType, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        if (FindRequiredOtherBranch(editor.SemanticModel, value, policyType, cancellationToken) is { } otherBranch)
        {
            // `weak ? (EncryptionPolicy)1 : EncryptionPolicy.RequireEncryption` would become a choice between two
            // equal values, so the fix keeps the other branch alone.
            var conditional = otherBranch.Parent!;
            editor.ReplaceNode(conditional, otherBranch.WithTriviaFrom(conditional));
            return editor.GetChangedDocument();
        }

        editor.ReplaceNode(value, CreateRequireEncryption(value, policyType).WithTriviaFrom(value));
        return editor.GetChangedDocument();
    }

    // Returns the other branch of the conditional around the weak value when that branch is RequireEncryption and
    // the condition reads only a constant, local, parameter, field or property (a getter is assumed to change nothing).
    private static ExpressionSyntax? FindRequiredOtherBranch(
        SemanticModel model, ExpressionSyntax value, INamedTypeSymbol policyType, CancellationToken cancellationToken)
    {
        if (value.Parent is not ConditionalExpressionSyntax conditional
            || conditional.Condition == value)
        {
            return null;
        }

        var otherBranch = conditional.WhenTrue == value ? conditional.WhenFalse : conditional.WhenTrue;
        var required = policyType.GetMembers(RequireEncryptionName).OfType<IFieldSymbol>().FirstOrDefault();
        var conditionalType = model.GetTypeInfo(conditional, cancellationToken).Type;
        if (model.GetOperation(otherBranch, cancellationToken) is not IFieldReferenceOperation { Field: var field }
            || !SymbolEqualityComparer.Default.Equals(field, required)
            || !SymbolEqualityComparer.Default.Equals(conditionalType, policyType)
            || !ReadsOnlyValues(model.GetOperation(conditional.Condition, cancellationToken)))
        {
            return null;
        }

        return otherBranch;
    }

    // A field or property counts only when the object it is read from is itself read without a call, so
    // `Peer().Legacy` keeps its condition.
    private static bool ReadsOnlyValues(IOperation? operation)
    {
        while (operation is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
        {
            operation = not.Operand;
        }

        return operation switch
        {
            null => false,
            { ConstantValue.HasValue: true } => true,
            ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation => true,
            IFieldReferenceOperation field => field.Instance is null || ReadsOnlyValues(field.Instance),
            IPropertyReferenceOperation { Arguments.IsEmpty: true } property =>
                property.Instance is null || ReadsOnlyValues(property.Instance),
            _ => false,
        };
    }

    // Keep the way the code names the member: `EncryptionPolicy.X`, a fully qualified name, or `X` under
    // `using static`. A cast of a number gets the fully qualified name, which the simplifier then shortens as far as
    // the file's usings allow. Parsing the name, rather than building it, gives the tree the compiler would build.
    private static SyntaxNode CreateRequireEncryption(ExpressionSyntax value, ITypeSymbol policyType)
    {
        var requireName = SyntaxFactory.IdentifierName(RequireEncryptionName);
        return value switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.WithName(requireName),
            IdentifierNameSyntax => requireName,

            // A cast to `EncryptionPolicy?` keeps its type, which `?? fallback` or overload resolution may need.
            CastExpressionSyntax { Type: NullableTypeSyntax } cast => cast.WithExpression(
                CreateQualifiedRequireEncryption(policyType)),
            _ => CreateQualifiedRequireEncryption(policyType),
        };
    }

    private static ExpressionSyntax CreateQualifiedRequireEncryption(ITypeSymbol policyType)
    {
        return SyntaxFactory.ParseExpression(
                policyType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + RequireEncryptionName)
            .WithAdditionalAnnotations(Simplifier.Annotation);
    }

    // NOTE: a comment inside the argument list next to the removed argument goes with it. Kept alone, it would
    // leave a dangling line before the closing parenthesis.
    private static async Task<Document> RemoveArgumentAsync(
        Document document, ArgumentSyntax argument, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.RemoveNode(argument, SyntaxRemoveOptions.KeepNoTrivia);
        return editor.GetChangedDocument();
    }

    // Removing the argument must bind to another overload of the same type, or to the same method when the
    // parameter is optional with RequireEncryption as its default. The speculative bind proves the call
    // still compiles and binds to the method the fix expects.
    private static bool CanRemoveArgument(
        SemanticModel semanticModel, ArgumentSyntax argument, CancellationToken cancellationToken)
    {
        if (argument.Parent is not ArgumentListSyntax argumentList
            || argumentList.Parent is not (ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax
                or InvocationExpressionSyntax or ConstructorInitializerSyntax)
            || semanticModel.GetSymbolInfo(argumentList.Parent, cancellationToken).Symbol is not IMethodSymbol original)
        {
            return false;
        }

        var shortenedArguments = argumentList.WithArguments(argumentList.Arguments.Remove(argument));
        if (BindShortenedCall(semanticModel, argumentList, shortenedArguments, original) is not { } speculative)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(original, speculative))
        {
            var parameter = (semanticModel.GetOperation(argument, cancellationToken) as IArgumentOperation)?.Parameter;
            return parameter is { HasExplicitDefaultValue: true, ExplicitDefaultValue: 0 };
        }

        return IsOverloadWithoutPolicy(original, speculative);
    }

    private static IMethodSymbol? BindShortenedCall(
        SemanticModel semanticModel, ArgumentListSyntax argumentList, ArgumentListSyntax shortened, IMethodSymbol original)
    {
        var call = argumentList.Parent!;
        if (call is ConstructorInitializerSyntax initializer)
        {
            var shortenedInitializer = initializer.WithArgumentList(shortened);
            return semanticModel.TryGetSpeculativeSemanticModel(
                    initializer.SpanStart, shortenedInitializer, out var speculativeModel)
                ? speculativeModel.GetSymbolInfo(shortenedInitializer).Symbol as IMethodSymbol
                : null;
        }

        // `new(...)` takes its type from the target, which an expression bound on its own lacks, so the
        // speculative bind names the type.
        var typeName = original.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var shortenedCall = call is ImplicitObjectCreationExpressionSyntax
            ? SyntaxFactory.ObjectCreationExpression(SyntaxFactory.ParseTypeName(typeName), shortened, initializer: null)
            : call.ReplaceNode(argumentList, shortened);
        return semanticModel.GetSpeculativeSymbolInfo(
            call.SpanStart, shortenedCall, SpeculativeBindingOption.BindAsExpression).Symbol as IMethodSymbol;
    }

    // The SslStream constructors without the parameter pass RequireEncryption. An overload of another type might
    // not, so the fix is offered for SslStream only.
    private static bool IsOverloadWithoutPolicy(IMethodSymbol original, IMethodSymbol speculative)
    {
        return original.ContainingType?.ToDisplayString() == "System.Net.Security.SslStream"
            && SymbolEqualityComparer.Default.Equals(original.ContainingType, speculative.ContainingType)
            && speculative.Parameters.All(parameter => parameter.Type.Name != "EncryptionPolicy");
    }
}
