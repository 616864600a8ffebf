using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TlsAnalyzers.Infrastructure;

namespace TlsAnalyzers.Rules;

/// <summary>
/// Finds the syntax in one file that can make a certificate-validation delegate, so that TLS002 binds only that
/// syntax instead of getting an operation action for every delegate creation in the compilation.
/// </summary>
/// <remarks>
/// An operation action of any kind makes Roslyn build the operation tree of every method, which cost about a tenth of
/// the compile time of the benchmark's corpus. A validation delegate takes SslPolicyErrors and a certificate or chain,
/// so what can make one is narrow:
/// <list type="bullet">
/// <item>a parenthesized lambda with two or more parameters, unless each parameter has a type and none names a
/// validation type (a lambda with typed parameters converts only to a delegate with exactly those types);</item>
/// <item>an anonymous method, which may leave out its parameter list;</item>
/// <item><c>new T(...)</c> where T names a validation type, such as <c>new RemoteCertificateValidationCallback(M)</c>
/// or <c>new Func&lt;..., SslPolicyErrors, bool&gt;(M)</c>;</item>
/// <item>a target-typed <c>new(x)</c> with one argument whose target may be a validation delegate;</item>
/// <item>a method group of a method or local function whose parameter list names a validation type (see
/// <see cref="CallbackHolderIndex.ValidationMethodNames"/>), or of a generic method whose type argument names one,
/// such as <c>Accept&lt;SslPolicyErrors&gt;</c>.</item>
/// </list>
/// Each candidate is bound and kept when it is a delegate creation; the rule then checks the delegate's type.
/// </remarks>
// NOTE: the lambdas that the compiler makes from a query expression have no text of their own, so a query whose
// SelectMany or Join the app declares with a validation delegate parameter is not checked.
internal static class DelegateCreationSearch
{
    /// <summary>
    /// Returns the delegate creations that the candidates above make in the file of <paramref name="model"/>, each once.
    /// </summary>
    public static List<IDelegateCreationOperation> FindCreations(
        SemanticModel model, CallbackHolderIndex index, CancellationToken cancellationToken)
    {
        var creations = new List<IDelegateCreationOperation>();
        var seen = new HashSet<SyntaxNode>();
        var lookup = new OperationLookup(model, cancellationToken);
        foreach (var candidate in FindCandidates(model.SyntaxTree, index, cancellationToken))
        {
            if (GetDelegateCreation(lookup, candidate) is { } creation && seen.Add(creation.Syntax))
            {
                creations.Add(creation);
            }
        }

        return creations;
    }

    private static IEnumerable<SyntaxNode> FindCandidates(
        SyntaxTree tree, CallbackHolderIndex index, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        var text = tree.GetText(cancellationToken).ToString();
        var typeNames = index.ValidationTypeNames;
        var methodNames = index.ValidationMethodNames;
        if (NameSearch.MayHideNames(tree, text))
        {
            foreach (var node in root.DescendantNodes())
            {
                var candidate = node switch
                {
                    ParenthesizedLambdaExpressionSyntax lambda => MayBeValidationLambda(lambda, typeNames) ? node : null,
                    AnonymousMethodExpressionSyntax => node,
                    ObjectCreationExpressionSyntax creation => NamesValidationType(creation.Type, typeNames) ? node : null,
                    GenericNameSyntax name when NamesValidationType(name, typeNames) => GetGenericMethodGroup(name),
                    ImplicitObjectCreationExpressionSyntax creation => MayBeValidationCreation(creation, typeNames) ? node : null,
                    SimpleNameSyntax name when methodNames.Contains(name.Identifier.ValueText) => GetMethodGroup(name),
                    _ => null,
                };
                if (candidate is not null)
                {
                    yield return candidate;
                }
            }

            yield break;
        }

        foreach (var found in ReadArrows(tree, text))
        {
            if ((found.TypedOpen < 0 || Mentions(text, found.TypedOpen, found.TypedClose, typeNames))
                && root.FindToken(found.Position).Parent is { } parent
                && (parent as ParenthesizedLambdaExpressionSyntax ?? parent.Parent as ParenthesizedLambdaExpressionSyntax) is { } lambda
                && MayBeValidationLambda(lambda, typeNames))
            {
                yield return lambda;
            }
        }

        foreach (var token in NameSearch.FindTokensOfKind(tree, null, "delegate", SyntaxKind.DelegateKeyword, cancellationToken))
        {
            if (token.Parent is AnonymousMethodExpressionSyntax method)
            {
                yield return method;
            }
        }

        foreach (var token in NameSearch.FindIdentifiers(tree, null, typeNames, cancellationToken, wholeNames: true))
        {
            if ((GetCreationOfType(token) ?? GetGenericMethodGroup(token)) is { } candidate)
            {
                yield return candidate;
            }
        }

        // `new()` has no delegate to copy, and a declaration with a generic type shows in its type whether it names a
        // validation type, as `Func<..., SslPolicyErrors, bool>` does.
        Func<string, int, bool> mayCopyDelegate = (source, newIndex) => !NameSearch.HasEmptyArguments(source, newIndex)
            && NameSearch.FindGenericDeclarationStart(source, newIndex) is var typeStart
            && (typeStart < 0 || Mentions(source, typeStart, newIndex, typeNames));
        foreach (var creation in NameSearch.FindTargetTypedCreations(tree, null, mayCopyDelegate, cancellationToken))
        {
            if (MayBeValidationCreation(creation, typeNames))
            {
                yield return creation;
            }
        }

        if (methodNames.IsEmpty)
        {
            yield break;
        }

        foreach (var token in NameSearch.FindIdentifiers(tree, null, methodNames, cancellationToken, wholeNames: true))
        {
            if (token.Parent is SimpleNameSyntax name && GetMethodGroup(name) is { } group)
            {
                yield return group;
            }
        }
    }

    // Most arrows end a member, a switch arm, a one-parameter lambda or a lambda whose parameters all have types. The
    // text before each arrow shows that, so the tree is looked up only for the others. The text of a tree never
    // changes, so the reading is kept for every compilation that shares the tree, as in the IDE.
    private static readonly ConditionalWeakTable<SyntaxTree, LambdaText[]> ArrowReadings = new();

    private static LambdaText[] ReadArrows(SyntaxTree tree, string text)
    {
        if (ArrowReadings.TryGetValue(tree, out var readings))
        {
            return readings;
        }

        var found = new List<LambdaText>();
        foreach (var arrow in NameSearch.FindText(tree, text, "=>"))
        {
            if (FindLambdaPosition(text, arrow) is { } lambda)
            {
                found.Add(lambda);
            }
        }

        // Two rules may read the same tree at once. Both find the same places.
        readings = found.ToArray();
        return ArrowReadings.GetValue(tree, _ => readings);
    }

    // Where to look up a lambda that may become a validation delegate. When all its parameters have types, TypedOpen
    // and TypedClose give the parameter list, and the lambda counts only when a type there names a validation type.
    private readonly struct LambdaText
    {
        public LambdaText(int position, int typedOpen = -1, int typedClose = -1)
        {
            Position = position;
            TypedOpen = typedOpen;
            TypedClose = typedClose;
        }

        public int Position { get; }

        public int TypedOpen { get; }

        public int TypedClose { get; }
    }

    // Returns where to look up a lambda that may become a validation delegate: the '(' of its parameter list, or
    // the arrow itself when a comment, a string or a directive near it makes the text unclear. Returns null when the
    // text shows that no such lambda ends at the arrow: no parenthesized list before it, a list without a comma, or
    // one that contains something no parameter can be.
    private static LambdaText? FindLambdaPosition(string text, int arrow)
    {
        var close = arrow - 1;
        var crossesLine = false;
        while (close >= 0 && char.IsWhiteSpace(text[close]))
        {
            crossesLine |= NameSearch.IsLineBreak(text[close]);
            close--;
        }

        if (close < 0)
        {
            return null;
        }

        // On a line of its own, the arrow may follow a line comment or a directive, which hides what comes before.
        if (crossesLine && NameSearch.LineMayHideCode(text, close))
        {
            return new LambdaText(arrow);
        }

        switch (text[close])
        {
            case ')':
                break;

            case '/':
                return new LambdaText(arrow);

            default:
                return null;
        }

        var depth = 0;
        var hasComma = false;
        for (var index = close; index >= 0; index--)
        {
            switch (text[index])
            {
                case ')':
                    depth++;
                    break;

                case '(':
                    depth--;
                    if (depth > 0)
                    {
                        break;
                    }

                    return !hasComma
                        ? null
                        : ReadParameterList(text, index, close) switch
                        {
                            ParameterText.Untyped => new LambdaText(index),
                            ParameterText.Typed => new LambdaText(index, index, close),
                            _ => null,
                        };

                case ',' when depth == 1:
                    hasComma = true;
                    break;

                // A parameter list contains names, types, attributes and default values. Anything else may be a comment
                // or a string, in which a parenthesis does not count, so the tree decides.
                case '/' or '"' or '\'' or ';' or '{' or '}' or '#':
                    return new LambdaText(arrow);

                // A list over several lines: a line comment on an earlier line may contain a parenthesis.
                case var character when NameSearch.IsLineBreak(character) && NameSearch.LineMayHideCode(text, index - 1):
                    return new LambdaText(arrow);
            }
        }

        return null;
    }

    // Reads the parameters between the parentheses. Untyped: a parameter has no type (`sender`, `_`, `ref x`,
    // `[A] x`), so the list may become a validation delegate. Typed: all parameters have types, and the list can become
    // one only when a type names a validation type. NoParameter: the list contains something no parameter can be, such
    // as the `Status.Active` of a positional pattern in a switch arm.
    private static ParameterText ReadParameterList(string text, int open, int close)
    {
        var depth = 0;
        var start = open + 1;
        var end = -1;
        var hasUntyped = false;
        for (var index = start; index <= close; index++)
        {
            switch (text[index])
            {
                case '(' or '<' or '[':
                    depth++;
                    break;

                case ')' or '>' or ']' when index < close:
                    depth--;
                    if (depth < 0)
                    {
                        return ParameterText.Untyped;
                    }

                    break;

                // A default value follows the parameter's name.
                case '=' when depth == 0 && end < 0:
                    end = index;
                    break;
            }

            if ((text[index] == ',' && depth == 0) || index == close)
            {
                if (depth != 0)
                {
                    return ParameterText.Untyped;
                }

                switch (ReadParameter(text, start, end < 0 ? index : end))
                {
                    case ParameterText.Untyped:
                        hasUntyped = true;
                        break;

                    case ParameterText.NoParameter:
                        return ParameterText.NoParameter;
                }

                start = index + 1;
                end = -1;
            }
        }

        return hasUntyped ? ParameterText.Untyped : ParameterText.Typed;
    }

    private enum ParameterText
    {
        Typed,
        Untyped,
        NoParameter,
    }

    private static ParameterText ReadParameter(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var nameEnd = end;
        while (nameEnd > start && char.IsWhiteSpace(text[nameEnd - 1]))
        {
            nameEnd--;
        }

        var nameStart = nameEnd;
        while (nameStart > start && NameSearch.IsNameCharacter(text[nameStart - 1]))
        {
            nameStart--;
        }

        // An attribute may contain anything, so it leaves the question open.
        if (start < end && text[start] == '[')
        {
            return ParameterText.Untyped;
        }

        if (nameStart == nameEnd)
        {
            return ParameterText.NoParameter;
        }

        var typeEnd = nameStart;
        while (typeEnd > start && char.IsWhiteSpace(text[typeEnd - 1]))
        {
            typeEnd--;
        }

        if (typeEnd == start)
        {
            return ParameterText.Untyped;
        }

        // The word before the name may be a modifier of a parameter without a type rather than a type.
        var last = text[typeEnd - 1];
        if (NameSearch.IsNameCharacter(last))
        {
            var wordStart = typeEnd;
            while (wordStart > start && NameSearch.IsNameCharacter(text[wordStart - 1]))
            {
                wordStart--;
            }

            return wordStart == start && IsModifier(text, wordStart, typeEnd - wordStart)
                ? ParameterText.Untyped
                : ParameterText.Typed;
        }

        return last is '>' or ']' or '?' or ')' or '*' ? ParameterText.Typed : ParameterText.NoParameter;
    }

    private static bool IsModifier(string text, int start, int length)
    {
        foreach (var modifier in Modifiers)
        {
            if (modifier.Length == length && string.CompareOrdinal(text, start, modifier, 0, length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] Modifiers = ["ref", "out", "in", "scoped", "params", "readonly"];

    private static bool Mentions(string text, int open, int close, ImmutableArray<string> names)
    {
        foreach (var name in names)
        {
            if (text.IndexOf(name, open, close - open, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    // A lambda whose parameters all have types converts only to a delegate with those very types, and a validation
    // delegate takes SslPolicyErrors, which has to be written as that name or an alias of it.
    private static bool MayBeValidationLambda(ParenthesizedLambdaExpressionSyntax lambda, ImmutableArray<string> typeNames)
    {
        var parameters = lambda.ParameterList.Parameters;
        if (parameters.Count < 2)
        {
            return false;
        }

        foreach (var parameter in parameters)
        {
            if (parameter.Type is null || NamesValidationType(parameter.Type, typeNames))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NamesValidationType(TypeSyntax type, ImmutableArray<string> typeNames)
    {
        foreach (var token in type.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && typeNames.Contains(token.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    // `new(existing)` makes a delegate from another one when its target is a delegate type. A declaration that names
    // its type shows whether that can be a validation delegate. Elsewhere the target is known only after binding.
    // An element of a collection expression reaches no sink that the rule follows (see CallbackFlow), and a data
    // table such as `[new("1.0"), new("1.1"), ...]` can hold thousands of them.
    private static bool MayBeValidationCreation(ImplicitObjectCreationExpressionSyntax creation, ImmutableArray<string> typeNames)
    {
        if (creation.ArgumentList.Arguments.Count != 1 || creation.Initializer is not null || creation.Parent is ExpressionElementSyntax)
        {
            return false;
        }

        return DeclaredTargetType.Of(creation) is not { } type || NamesValidationType(type, typeNames);
    }

    // The object creation whose type contains the token, as in `new RemoteCertificateValidationCallback(M)`.
    private static SyntaxNode? GetCreationOfType(SyntaxToken token)
    {
        var node = token.Parent;
        while (node is TypeSyntax or TypeArgumentListSyntax)
        {
            if (node.Parent is ObjectCreationExpressionSyntax creation && creation.Type == node)
            {
                return creation;
            }

            node = node.Parent;
        }

        return null;
    }

    // A generic method or a method of a generic type can take SslPolicyErrors through a type parameter, so a method
    // group such as `Accept<SslPolicyErrors>` or `Box<SslPolicyErrors>.Accept` names the type only where it is used.
    // NOTE: a method group whose type argument is inferred from the delegate, as in `callback = Accept;` for
    // `bool Accept<T>(object s, X509Certificate c, X509Chain ch, T errors)`, names it nowhere and is not found.
    private static SyntaxNode? GetGenericMethodGroup(SyntaxToken token)
    {
        var node = token.Parent;
        while (node is not null and not GenericNameSyntax)
        {
            node = node is TypeSyntax or TypeArgumentListSyntax ? node.Parent : null;
        }

        return node is GenericNameSyntax generic ? GetGenericMethodGroup(generic) : null;
    }

    private static SyntaxNode? GetGenericMethodGroup(GenericNameSyntax generic)
    {
        if (generic.Parent is MemberAccessExpressionSyntax access && access.Expression == generic)
        {
            return GetMethodGroup(access.Name);
        }

        // A generic type in a declaration or a cast is no method group.
        return SyntaxFacts.IsInTypeOnlyContext(generic) ? null : GetMethodGroup(generic);
    }

    // The expression that a method group conversion would convert: the name itself or `x.Name`. A name that is
    // called is no method group.
    private static SyntaxNode? GetMethodGroup(SimpleNameSyntax name)
    {
        SyntaxNode expression = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        var callee = expression;
        while (callee.Parent is ParenthesizedExpressionSyntax
            or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
        {
            callee = callee.Parent;
        }

        return callee.Parent is InvocationExpressionSyntax call && call.Expression == callee ? null : expression;
    }

    // GetOperation returns the function for a lambda and the method reference for a method group. The delegate
    // creation is their parent.
    private static IDelegateCreationOperation? GetDelegateCreation(OperationLookup lookup, SyntaxNode node)
    {
        var operation = lookup.Find(node);
        return operation switch
        {
            IDelegateCreationOperation creation => creation,
            IAnonymousFunctionOperation or IMethodReferenceOperation => operation.Parent as IDelegateCreationOperation,
            _ => null,
        };
    }
}
