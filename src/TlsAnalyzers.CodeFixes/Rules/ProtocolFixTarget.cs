using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using TlsAnalyzers.Infrastructure;

namespace TlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// The protocol-valued expression that contains a TLS001 diagnostic: the reported value together with every
/// parenthesis and <c>|</c> operand of the same enum around it, such as the whole right side of
/// <c>SecurityProtocol = Tls | Tls11 | Tls12</c>. Builds the replacement for each kind of fix.
/// </summary>
internal sealed class ProtocolFixTarget
{
    private readonly SemanticModel _model;
    private readonly INamedTypeSymbol _enumType;
    private readonly bool _systemDefaultMeansOperatingSystem;
    private readonly bool _isNullable;

    private ProtocolFixTarget(
        ExpressionSyntax expression,
        SemanticModel model,
        INamedTypeSymbol enumType,
        bool systemDefaultMeansOperatingSystem,
        bool isNullable)
    {
        Expression = expression;
        _model = model;
        _enumType = enumType;
        _systemDefaultMeansOperatingSystem = systemDefaultMeansOperatingSystem;
        _isNullable = isNullable;
    }

    public ExpressionSyntax Expression { get; }

    public bool HasTls13 => HasMember("Tls13");

    /// <summary>Finds the expression to rewrite for the diagnostic at <paramref name="span"/>, or null.</summary>
    public static ProtocolFixTarget? TryCreate(
        SyntaxNode root, SemanticModel model, TextSpan span, CancellationToken cancellationToken)
    {
        if (!root.FullSpan.Contains(span)
            || root.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax reported)
        {
            return null;
        }

        var types = ProtocolEnumTypes.Create(model.Compilation);
        var reportedType = model.GetTypeInfo(reported, cancellationToken).Type;
        if (types?.GetProtocolEnum(reportedType) is not INamedTypeSymbol enumType)
        {
            return null;
        }

        var expression = ClimbCombination(reported, model, enumType, cancellationToken);
        if (ContainsDirective(expression) || IsToggled(expression))
        {
            return null;
        }

        var isNullable = !SymbolEqualityComparer.Default.Equals(reportedType, enumType);
        return new ProtocolFixTarget(expression, model, enumType, IsSystemDefaultSupported(types), isNullable);
    }

    /// <summary>
    /// Builds the rewritten expression for the fix <paramref name="key"/>, or returns null where that fix does not apply.
    /// </summary>
    public ExpressionSyntax? CreateReplacement(string key)
    {
        var replacement = key switch
        {
            InsecureProtocolVersionFixer.UseTls12And13Key => CreateStrongValue(),
            InsecureProtocolVersionFixer.RemoveWeakKey => CreateWithoutWeakMembers(),
            InsecureProtocolVersionFixer.UseSystemDefaultKey => CreateSystemDefault(),
            _ => null,
        };

        if (replacement is not null && _isNullable && !IsTargetTyped())
        {
            replacement = CastToNullable(replacement);
        }

        return replacement?.WithTriviaFrom(Expression);
    }

    private static ExpressionSyntax ClimbCombination(
        ExpressionSyntax expression,
        SemanticModel model,
        INamedTypeSymbol enumType,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            switch (expression.Parent)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized;
                    break;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.BitwiseOrExpression)
                    && IsOfType(model.GetTypeInfo(binary, cancellationToken).Type, enumType):
                    expression = binary;
                    break;
                default:
                    return expression;
            }
        }
    }

    // A `#if` inside the value would lose its `#endif` (or the reverse) when the value is rewritten, and the
    // rewritten value could not say which branch it stands for. The directives around the value stay.
    private static bool ContainsDirective(ExpressionSyntax expression)
    {
        return expression.ContainsDirectives && expression.DescendantTrivia(expression.Span)
            .Any(trivia => trivia.IsDirective && expression.Span.Contains(trivia.Span));
    }

    // `protocols ^= SslProtocols.Tls` flips a bit. Flipping TLS 1.2 and 1.3 instead would switch them off where they
    // were on, so no fix is offered and the author decides.
    private static bool IsToggled(ExpressionSyntax expression)
    {
        return expression.Parent is AssignmentExpressionSyntax assignment
                && assignment.IsKind(SyntaxKind.ExclusiveOrAssignmentExpression)
            || expression.Parent is BinaryExpressionSyntax binary
                && binary.IsKind(SyntaxKind.ExclusiveOrExpression);
    }

    private static bool IsOfType(ITypeSymbol? type, INamedTypeSymbol enumType) =>
        SymbolEqualityComparer.Default.Equals(type, enumType);

    // Microsoft documents the operating system default for .NET Framework from 4.7 on, the version that added
    // SecurityProtocolType.SystemDefault. A compilation whose SecurityProtocolType lacks that member (.NET Framework
    // 4.6.x, netstandard2.0) may run on an older framework, so it gets no SslProtocols.None fix either.
    private static bool IsSystemDefaultSupported(ProtocolEnumTypes types)
    {
        return types.SecurityProtocolType is null || !types.SecurityProtocolType.GetMembers("SystemDefault").IsEmpty;
    }

    private ExpressionSyntax? CreateStrongValue()
    {
        if (!HasMember("Tls12"))
        {
            return null;
        }

        ExpressionSyntax value = CreateMember("Tls12");
        if (HasTls13)
        {
            value = SyntaxFactory.BinaryExpression(SyntaxKind.BitwiseOrExpression, value, CreateMember("Tls13"));
        }

        return NeedsParentheses() ? Parenthesize(value) : value.WithAdditionalAnnotations(Formatter.Annotation);
    }

    private ExpressionSyntax? CreateSystemDefault()
    {
        // `SecurityProtocol |= SystemDefault` adds nothing, so the compound form keeps only the other fixes.
        if (Expression.Parent is AssignmentExpressionSyntax assignment
            && assignment.IsKind(SyntaxKind.OrAssignmentExpression))
        {
            return null;
        }

        var isSslProtocols = _enumType.Name == "SslProtocols";
        var name = isSslProtocols ? "None" : "SystemDefault";
        if (!HasMember(name) || (isSslProtocols && !_systemDefaultMeansOperatingSystem))
        {
            return null;
        }

        return CreateMember(name);
    }

    private ExpressionSyntax? CreateWithoutWeakMembers()
    {
        var pruning = new WeakOperandPruning(_model);
        var pruned = pruning.Prune(Expression);
        return pruned is not null && pruning.RemovedAny && pruning.KeptStrongOnly ? pruned : null;
    }

    private bool HasMember(string name) => !_enumType.GetMembers(name).IsEmpty;

    private ExpressionSyntax CreateMember(string name)
    {
        // A fully qualified name that the simplifier shortens to whatever the file uses: an alias, a using
        // directive or the full name where a user type of the same name is in scope.
        var type = _enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        return SyntaxFactory.ParseExpression(type + "." + name).WithAdditionalAnnotations(Simplifier.Annotation);
    }

    // Where the expression is on its own (an argument, an initializer, the right side of an assignment) a bare
    // `Tls12 | Tls13` is clear. Inside another expression the parentheses stay for the simplifier to judge: the
    // cast in `(int)(Tls12 | Tls13)` needs them. The simplifier leaves them in attribute arguments, hence the check.
    private bool NeedsParentheses()
    {
        return Expression.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Right != Expression,
            ParenthesizedExpressionSyntax or LambdaExpressionSyntax => false,
            ExpressionSyntax => true,
            _ => false,
        };
    }

    // A value whose type comes from a declaration, such as `SslProtocols? p = ...` or `return ...`, converts to
    // the nullable type by itself. Elsewhere (`var`, a lambda, a generic argument) the cast keeps the type nullable.
    private bool IsTargetTyped()
    {
        return Expression.Parent switch
        {
            EqualsValueClauseSyntax { Parent.Parent: VariableDeclarationSyntax declaration } => !declaration.Type.IsVar,
            EqualsValueClauseSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax => true,
            AssignmentExpressionSyntax assignment => assignment.Right == Expression,
            _ => false,
        };
    }

    private ExpressionSyntax CastToNullable(ExpressionSyntax value)
    {
        var enumName = SyntaxFactory.ParseTypeName(_enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
            .WithAdditionalAnnotations(Simplifier.Annotation);
        var type = SyntaxFactory.NullableType(enumName);
        var operand = value is BinaryExpressionSyntax ? SyntaxFactory.ParenthesizedExpression(value) : value;
        // No simplifier annotation on the cast: the simplifier of `dotnet format` dropped it inside a conditional
        // and left the enum names unsimplified.
        return SyntaxFactory.CastExpression(type, operand).WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static ExpressionSyntax Parenthesize(ExpressionSyntax value) => SyntaxFactory.ParenthesizedExpression(value)
        .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
}
