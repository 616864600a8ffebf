using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace TlsAnalyzers.Infrastructure;

/// <summary>
/// The names of the members in source that can hand out a certificate-validation delegate made in another member
/// ("holders"). A holder is a readonly field, a get-only property or a method whose type is a validation delegate.
/// Its type can also be object, dynamic or Delegate when the declaration names a validation delegate type, because
/// a cast at the sink makes it one again. <see cref="CallbackFlow"/> follows a delegate only inside the function that makes it, so TLS002 finds the
/// reads of holders by searching each file for their names.
/// </summary>
/// <remarks>
/// A holder names its type in its declaration, so the index reads only the declarations of files that mention a
/// validation delegate type: <c>RemoteCertificateValidationCallback</c>, <c>SslPolicyErrors</c> (a parameter of every
/// validation delegate), a delegate declared in source with such a parameter, or an alias of one of these. It reads
/// syntax only and binds nothing, so it may take a few names too many. The rule binds each match and checks the
/// member's type there.
/// </remarks>
internal sealed class CallbackHolderIndex
{
    // Every validation delegate type of the framework takes SslPolicyErrors, and RemoteCertificateValidationCallback
    // is the one whose name the code may write without it.
    private const string CallbackTypeName = "RemoteCertificateValidationCallback";
    private const string ErrorsTypeName = "SslPolicyErrors";

    private readonly ImmutableArray<string> fixedNames;
    private readonly HashSet<SyntaxTree> treesWithFixedPart;
    private readonly ImmutableArray<string> sharedWithFixed;
    private readonly ImmutableArray<string> sharedWithoutFixed;
    private readonly Dictionary<SyntaxTree, ImmutableArray<string>> namesByTree;

    private CallbackHolderIndex(
        ImmutableArray<string> fixedNames,
        HashSet<SyntaxTree> treesWithFixedPart,
        List<string> shared,
        Dictionary<SyntaxTree, List<string>> privateByTree,
        TypeNames typeNames,
        List<string> validationMethodNames,
        List<string> genericDelegateNames)
    {
        this.fixedNames = fixedNames;
        ValidationTypeNames = typeNames.Delegates.Concat(genericDelegateNames.Where(name => !typeNames.Delegates.Contains(name)))
            .ToImmutableArray();
        ValidationMethodNames = validationMethodNames.ToImmutableArray();
        this.treesWithFixedPart = treesWithFixedPart;
        sharedWithoutFixed = shared.ToImmutableArray();
        sharedWithFixed = fixedNames.AddRange(sharedWithoutFixed);
        HasHolders = shared.Count > 0 || privateByTree.Count > 0;
        namesByTree = new Dictionary<SyntaxTree, ImmutableArray<string>>();
        foreach (var entry in privateByTree)
        {
            var names = treesWithFixedPart.Contains(entry.Key) ? sharedWithFixed : sharedWithoutFixed;
            namesByTree.Add(entry.Key, names.AddRange(entry.Value.Where(name => !names.Contains(name))));
        }
    }

    /// <summary>True when the compilation declares a holder.</summary>
    public bool HasHolders { get; }

    /// <summary>
    /// The names that a validation delegate type can be written with. They are RemoteCertificateValidationCallback,
    /// SslPolicyErrors (which a Func type takes as a type argument), delegates declared in source with such a
    /// parameter, and aliases of these. Delegates declared in a generic type count too, because they may take
    /// SslPolicyErrors through the type's parameter.
    /// </summary>
    public ImmutableArray<string> ValidationTypeNames { get; }

    /// <summary>
    /// The names of the methods and local functions in source whose parameter list names one of
    /// <see cref="ValidationTypeNames"/>, and of the methods of generic types with a parameter typed by a type
    /// parameter. A method group becomes a validation delegate only when its method takes SslPolicyErrors, so these are
    /// the only methods whose groups TLS002 has to bind.
    /// </summary>
    public ImmutableArray<string> ValidationMethodNames { get; }

    /// <summary>
    /// Returns the names to search in <paramref name="tree"/>: the fixed names given to <see cref="Build"/> when the
    /// file contains their common part, then the names of the holders that code in the file can read. A private holder
    /// is searched only in the file that declares it.
    /// </summary>
    public ImmutableArray<string> GetNames(SyntaxTree tree) =>
        namesByTree.TryGetValue(tree, out var names)
            ? names
            : treesWithFixedPart.Contains(tree) ? sharedWithFixed : sharedWithoutFixed;

    /// <summary>Returns the fixed names when <paramref name="tree"/> contains their common part, else none.</summary>
    public ImmutableArray<string> GetFixedNames(SyntaxTree tree) =>
        treesWithFixedPart.Contains(tree) ? fixedNames : ImmutableArray<string>.Empty;

    /// <summary>
    /// Finds the holders of <paramref name="compilation"/>. Each of <paramref name="fixedNames"/> contains
    /// <paramref name="fixedPart"/>. When RemoteCertificateValidationCallback contains it too, one search of each file
    /// shows both whether the file can name that type and whether it needs a search for the fixed names.
    /// </summary>
    public static CallbackHolderIndex Build(
        Compilation compilation, ImmutableArray<string> fixedNames, string fixedPart, CancellationToken cancellationToken)
    {
        var treesWithFixedPart = new HashSet<SyntaxTree>();
        var candidates = FindCandidateTrees(compilation, fixedPart, treesWithFixedPart, out var typeNames, cancellationToken);
        var shared = new List<string>();
        var privateByTree = new Dictionary<SyntaxTree, List<string>>();
        var validationMethodNames = new List<string>();
        var genericDelegateNames = new List<string>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            AddGenericTypeMembers(tree, validationMethodNames, genericDelegateNames, cancellationToken);
        }

        foreach (var tree in candidates)
        {
            var text = tree.GetText(cancellationToken).ToString();
            var mayHideNames = NameSearch.MayHideNames(tree, text);
            AddValidationMethodNames(tree, typeNames.Delegates, validationMethodNames, cancellationToken);
            foreach (var member in Declarations(tree.GetRoot(cancellationToken)).OfType<MemberDeclarationSyntax>())
            {
                // NOTE: a holder whose declaration names no validation delegate type is not found, so its reads are
                // not reported. Two examples: `static readonly object Boxed = Callbacks.Create();`, and a holder typed
                // `Derived.Check`, a delegate of a generic base class, with `Derived : Base<SslPolicyErrors>`.
                var type = GetHolderType(member);
                if (type is null
                    || !(mayHideNames
                        || Mentions(text, type.Span, typeNames.Delegates)
                        || ((IsUntypedDelegate(type, typeNames) || IsTypeParameter(member, type))
                            && Mentions(text, member.Span, typeNames.Delegates))))
                {
                    continue;
                }

                List<string> names;
                if (IsPrivate(member))
                {
                    if (!privateByTree.TryGetValue(tree, out names))
                    {
                        names = [];
                        privateByTree.Add(tree, names);
                    }
                }
                else
                {
                    names = shared;
                }

                foreach (var name in DeclaredNames(member))
                {
                    AddOnce(names, name);
                }
            }
        }

        return new CallbackHolderIndex(
            fixedNames, treesWithFixedPart, shared, privateByTree, typeNames, validationMethodNames, genericDelegateNames);
    }

    private static readonly string[] TypeKeywords = ["class", "struct", "interface", "record"];

    // A method of a generic type can take SslPolicyErrors through the type's parameter, as `Accept` in
    // `class Box<T> { bool Accept(object s, X509Certificate c, X509Chain ch, T errors) ... }` does for
    // `new Box<SslPolicyErrors>().Accept`, and so can a delegate declared there. Generic types are found by the text of
    // their declaration, a type keyword followed by a name and `<`; only those declarations are read.
    // NOTE: a generic method that takes the errors through its own type parameter is not found (see
    // DelegateCreationSearch).
    private static void AddGenericTypeMembers(
        SyntaxTree tree, List<string> methodNames, List<string> delegateNames, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken).ToString();
        var root = tree.GetRoot(cancellationToken);
        if (NameSearch.MayHideNames(tree, text))
        {
            // An escape can hide a type keyword too, so the file's declarations are walked instead.
            var types = root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                .OfType<TypeDeclarationSyntax>();
            foreach (var type in types)
            {
                AddOutermostGenericType(type, methodNames, delegateNames);
            }

            return;
        }

        foreach (var keyword in TypeKeywords)
        {
            foreach (var index in NameSearch.FindText(tree, text, keyword))
            {
                if (DeclaresGenericType(text, index, keyword.Length) && root.FindToken(index).Parent is TypeDeclarationSyntax type)
                {
                    AddOutermostGenericType(type, methodNames, delegateNames);
                }
            }
        }
    }

    // A generic type nested in another generic type is read with the outer one, which adds the outer type parameters.
    private static void AddOutermostGenericType(TypeDeclarationSyntax type, List<string> methodNames, List<string> delegateNames)
    {
        if (type.TypeParameterList is not null
            && !type.Ancestors().OfType<TypeDeclarationSyntax>().Any(outer => outer.TypeParameterList is not null))
        {
            AddMembers(type, ImmutableHashSet<string>.Empty, methodNames, delegateNames);
        }
    }

    // The keyword at index, white space, a name and `<`.
    private static bool DeclaresGenericType(string text, int index, int length)
    {
        if ((index > 0 && NameSearch.IsNameCharacter(text[index - 1])) || index + length >= text.Length || !char.IsWhiteSpace(text[index + length]))
        {
            return false;
        }

        var position = index + length;
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        var nameStart = position;
        while (position < text.Length && NameSearch.IsNameCharacter(text[position]))
        {
            position++;
        }

        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return position > nameStart && position < text.Length && text[position] == '<';
    }

    // Adds the members of a generic type, and of the types nested in it, that take a type parameter of the type, of an
    // enclosing type or of the method itself.
    private static void AddMembers(
        TypeDeclarationSyntax type, ImmutableHashSet<string> outerParameters, List<string> methodNames, List<string> delegateNames)
    {
        var typeParameters = type.TypeParameterList is { } list
            ? outerParameters.Union(list.Parameters.Select(parameter => parameter.Identifier.ValueText))
            : outerParameters;
        foreach (var member in type.Members)
        {
            switch (member)
            {
                case MethodDeclarationSyntax method when TakesTypeParameter(method.ParameterList, typeParameters, method.TypeParameterList):
                    AddOnce(methodNames, method.Identifier.ValueText);
                    break;

                case DelegateDeclarationSyntax declaration when TakesTypeParameter(declaration.ParameterList, typeParameters, declaration.TypeParameterList):
                    AddOnce(delegateNames, declaration.Identifier.ValueText);
                    break;

                case TypeDeclarationSyntax nested:
                    AddMembers(nested, typeParameters, methodNames, delegateNames);
                    break;
            }
        }
    }

    private static bool TakesTypeParameter(
        ParameterListSyntax parameters, ImmutableHashSet<string> typeParameters, TypeParameterListSyntax? ownParameters)
    {
        if (parameters.Parameters.Count < 2)
        {
            return false;
        }

        foreach (var parameter in parameters.Parameters)
        {
            if (parameter.Type is IdentifierNameSyntax { Identifier.ValueText: var name }
                && (typeParameters.Contains(name) || ownParameters?.Parameters.Any(own => own.Identifier.ValueText == name) == true))
            {
                return true;
            }
        }

        return false;
    }

    // The methods and local functions of the file that have a parameter whose type names a validation type. Local
    // functions sit inside member bodies, so the file is searched for the type names rather than walked.
    private static void AddValidationMethodNames(
        SyntaxTree tree, List<string> typeNames, List<string> methodNames, CancellationToken cancellationToken)
    {
        foreach (var token in NameSearch.FindIdentifiers(tree, null, typeNames, cancellationToken, wholeNames: true))
        {
            // A file that may hide names returns all its identifiers.
            if (!typeNames.Contains(token.ValueText))
            {
                continue;
            }

            var node = token.Parent;
            while (node is TypeSyntax)
            {
                node = node.Parent;
            }

            var name = node is ParameterSyntax { Parent: ParameterListSyntax { Parent: var declaration } }
                ? declaration switch
                {
                    MethodDeclarationSyntax method => method.Identifier.ValueText,
                    LocalFunctionStatementSyntax function => function.Identifier.ValueText,
                    _ => null,
                }
                : null;
            if (name is { Length: > 0 })
            {
                AddOnce(methodNames, name);
            }
        }
    }

    // Searches every file for the names of validation delegate types. The delegates and aliases declared in the files
    // found add names of their own, such as `using Check = CertificateCheck;`. Any of them can rest on a name found
    // later, so the files are read again, and the others searched for the new names, until no name is added.
    private static List<SyntaxTree> FindCandidateTrees(
        Compilation compilation,
        string fixedPart,
        HashSet<SyntaxTree> treesWithFixedPart,
        out TypeNames typeNames,
        CancellationToken cancellationToken)
    {
        typeNames = new TypeNames();
        var candidates = new List<SyntaxTree>();
        var candidateSet = new HashSet<SyntaxTree>();
        var searched = 0;
        while (searched < typeNames.Delegates.Count)
        {
            var newNames = typeNames.Delegates.GetRange(searched, typeNames.Delegates.Count - searched);
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (candidateSet.Contains(tree))
                {
                    continue;
                }

                var text = tree.GetText(cancellationToken).ToString();
                var mayHideNames = NameSearch.MayHideNames(tree, text);
                if (searched == 0 && (mayHideNames || NameSearch.Contains(tree, text, fixedPart)))
                {
                    treesWithFixedPart.Add(tree);
                }

                if (mayHideNames || newNames.Any(name => MayContain(tree, name, fixedPart, treesWithFixedPart) && NameSearch.Contains(tree, text, name)))
                {
                    candidateSet.Add(tree);
                    candidates.Add(tree);
                }
            }

            searched += newNames.Count;
            int before;
            do
            {
                before = typeNames.Count;
                foreach (var tree in candidates)
                {
                    AddTypeNames(tree, typeNames, cancellationToken);
                }
            }
            while (typeNames.Count > before);
        }

        return candidates;
    }

    // A file without the fixed part cannot name RemoteCertificateValidationCallback when the part occurs in that
    // name, so the longer search is skipped.
    private static bool MayContain(SyntaxTree tree, string name, string fixedPart, HashSet<SyntaxTree> treesWithFixedPart) =>
        !ReferenceEquals(name, CallbackTypeName)
        || CallbackTypeName.IndexOf(fixedPart, StringComparison.Ordinal) < 0
        || treesWithFixedPart.Contains(tree);

    private static void AddTypeNames(SyntaxTree tree, TypeNames typeNames, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken).ToString();
        var mayHideNames = NameSearch.MayHideNames(tree, text);
        foreach (var node in Declarations(tree.GetRoot(cancellationToken)))
        {
            switch (node)
            {
                case UsingDirectiveSyntax { Alias.Name: var alias } directive:
                    if (mayHideNames || Mentions(text, directive.Span, typeNames.Delegates))
                    {
                        typeNames.AddDelegate(alias.Identifier.ValueText);
                    }
                    else if (directive.NamespaceOrType is TypeSyntax target && IsUntypedDelegate(target, typeNames))
                    {
                        typeNames.AddUntyped(alias.Identifier.ValueText);
                    }

                    break;

                case DelegateDeclarationSyntax declaration
                    when mayHideNames || Mentions(text, declaration.ParameterList.Span, typeNames.Delegates):
                    typeNames.AddDelegate(declaration.Identifier.ValueText);
                    break;
            }
        }
    }

    // The declared type of a member that can hand out a delegate read elsewhere, or null for any other member.
    private static TypeSyntax? GetHolderType(MemberDeclarationSyntax member) => member switch
    {
        FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword) => field.Declaration.Type,
        PropertyDeclarationSyntax property when property.AccessorList?.Accessors.Any(
            accessor => accessor.Kind() is SyntaxKind.SetAccessorDeclaration or SyntaxKind.InitAccessorDeclaration) != true
            => property.Type,
        MethodDeclarationSyntax { ReturnType: not PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword } } method
            => method.ReturnType,
        _ => null,
    };

    // Unfinished code can leave a member without a name, and an empty name would match everywhere.
    private static IEnumerable<string> DeclaredNames(MemberDeclarationSyntax member)
    {
        IEnumerable<SyntaxToken> identifiers = member switch
        {
            FieldDeclarationSyntax field => field.Declaration.Variables.Select(variable => variable.Identifier),
            PropertyDeclarationSyntax property => [property.Identifier],
            MethodDeclarationSyntax method => [method.Identifier],
            _ => [],
        };
        return identifiers.Select(identifier => identifier.ValueText).Where(name => name.Length > 0);
    }

    // object, dynamic, Delegate, MulticastDelegate, the interfaces a delegate implements, and aliases of these can
    // hold a validation delegate that a cast at the sink recovers.
    private static bool IsUntypedDelegate(TypeSyntax type, TypeNames typeNames)
    {
        if (type is NullableTypeSyntax nullable)
        {
            type = nullable.ElementType;
        }

        return type switch
        {
            PredefinedTypeSyntax predefined => predefined.Keyword.IsKind(SyntaxKind.ObjectKeyword),
            SimpleNameSyntax name => typeNames.IsUntyped(name.Identifier.ValueText),
            QualifiedNameSyntax qualified => typeNames.IsUntyped(qualified.Right.Identifier.ValueText),
            AliasQualifiedNameSyntax aliased => typeNames.IsUntyped(aliased.Name.Identifier.ValueText),
            _ => false,
        };
    }

    // A generic factory, such as `static T Create<T>()`, or a member of a generic holder class typed by its type
    // parameter: the type argument at the read makes it a validation delegate.
    private static bool IsTypeParameter(MemberDeclarationSyntax member, TypeSyntax type)
    {
        if (type is NullableTypeSyntax nullable)
        {
            type = nullable.ElementType;
        }

        if (type is not IdentifierNameSyntax { Identifier.ValueText: var name })
        {
            return false;
        }

        return (member is MethodDeclarationSyntax { TypeParameterList: { } methodParameters }
                && methodParameters.Parameters.Any(parameter => parameter.Identifier.ValueText == name))
            || member.Ancestors().OfType<TypeDeclarationSyntax>().Any(declaration =>
                declaration.TypeParameterList?.Parameters.Any(parameter => parameter.Identifier.ValueText == name) == true);
    }

    // Only code in the same type can read a private member. A partial type can have parts in other files, which are
    // searched as well.
    private static bool IsPrivate(MemberDeclarationSyntax member)
    {
        if (member.Parent is not TypeDeclarationSyntax type
            || type is InterfaceDeclarationSyntax
            || type.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return false;
        }

        var modifiers = member.Modifiers;
        return modifiers.Any(SyntaxKind.PrivateKeyword)
            ? !modifiers.Any(SyntaxKind.ProtectedKeyword)
            : !modifiers.Any(SyntaxKind.PublicKeyword)
                && !modifiers.Any(SyntaxKind.InternalKeyword)
                && !modifiers.Any(SyntaxKind.ProtectedKeyword);
    }

    // Using directives, namespaces, types and their members, without entering member bodies.
    private static IEnumerable<SyntaxNode> Declarations(SyntaxNode root)
    {
        var stack = new Stack<SyntaxNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            switch (node)
            {
                case CompilationUnitSyntax unit:
                    PushAll(stack, unit.Members);
                    PushAll(stack, unit.Usings);
                    break;

                case BaseNamespaceDeclarationSyntax space:
                    PushAll(stack, space.Members);
                    PushAll(stack, space.Usings);
                    break;

                case TypeDeclarationSyntax type:
                    PushAll(stack, type.Members);
                    break;

                default:
                    yield return node;
                    break;
            }
        }
    }

    private static void PushAll<TNode>(Stack<SyntaxNode> stack, SyntaxList<TNode> nodes)
        where TNode : SyntaxNode
    {
        for (var index = nodes.Count - 1; index >= 0; index--)
        {
            stack.Push(nodes[index]);
        }
    }

    private static bool Mentions(string text, TextSpan span, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (text.IndexOf(name, span.Start, span.Length, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static void AddOnce(List<string> names, string name)
    {
        if (!names.Contains(name))
        {
            names.Add(name);
        }
    }

    // The names that make a declaration a possible holder: validation delegate types and their aliases, and the
    // untyped types that can hold such a delegate.
    private sealed class TypeNames
    {
        private readonly List<string> untyped = ["dynamic", "Object", "Delegate", "MulticastDelegate", "ICloneable", "ISerializable"];

        public List<string> Delegates { get; } = [CallbackTypeName, ErrorsTypeName];

        public int Count => Delegates.Count + untyped.Count;

        public bool IsUntyped(string name) => untyped.Contains(name);

        public void AddDelegate(string name) => AddOnce(Delegates, name);

        public void AddUntyped(string name) => AddOnce(untyped, name);
    }
}
