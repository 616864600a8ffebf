using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace TlsAnalyzers.Tests.Robustness;

/// <summary>
/// Mutates C# source text with edits that IDE users make mid-typing and that real code contains: deleted or
/// duplicated tokens, truncated files, missing closing braces, swapped argument lists, replaced literals,
/// <c>#if</c> directives, expression-bodied members, deleted using directives, statements and expressions spliced in
/// from other sources, and user types named like the framework types the rules look for (in the user's namespace or
/// under the framework's full name). Every choice comes from the <see cref="Random"/> passed in, so a seed
/// reproduces a mutant.
/// </summary>
internal sealed class SourceMutator
{
    /// <summary>Framework types that the rules look for; a user type with one of these names must never be reported.</summary>
    public static readonly string[] FrameworkTypeNames =
    [
        "SslProtocols", "SecurityProtocolType", "ServicePointManager", "HttpClientHandler", "SocketsHttpHandler",
        "WebApplication", "WebApplicationBuilder", "SslStream", "SslServerAuthenticationOptions",
        "SslClientAuthenticationOptions", "CipherSuitesPolicy", "TlsCipherSuite", "X509RevocationMode",
        "X509ChainPolicy", "RemoteCertificateValidationCallback", "HttpsConnectionAdapterOptions",
        "KestrelServerOptions", "HstsOptions", "EncryptionPolicy", "SslPolicyErrors", "AppContext", "HttpClient",
    ];

    /// <summary>Namespaces of the framework types, for declaring a user type under the framework's full name.</summary>
    private static readonly Dictionary<string, string> FrameworkNamespaces = new()
    {
        ["SslProtocols"] = "System.Security.Authentication",
        ["SecurityProtocolType"] = "System.Net",
        ["ServicePointManager"] = "System.Net",
        ["HttpClientHandler"] = "System.Net.Http",
        ["SocketsHttpHandler"] = "System.Net.Http",
        ["WebApplication"] = "Microsoft.AspNetCore.Builder",
        ["SslStream"] = "System.Net.Security",
        ["SslServerAuthenticationOptions"] = "System.Net.Security",
        ["CipherSuitesPolicy"] = "System.Net.Security",
        ["TlsCipherSuite"] = "System.Net.Security",
        ["EncryptionPolicy"] = "System.Net.Security",
        ["SslPolicyErrors"] = "System.Net.Security",
        ["X509RevocationMode"] = "System.Security.Cryptography.X509Certificates",
        ["HstsOptions"] = "Microsoft.AspNetCore.HttpsPolicy",
        ["AppContext"] = "System",
    };

    private static readonly string[] EnumLikeNames =
        ["SslProtocols", "SecurityProtocolType", "TlsCipherSuite", "X509RevocationMode", "EncryptionPolicy", "SslPolicyErrors"];

    private static readonly string[] Literals =
    [
        "default", "default!", "0", "1", "-1", "int.MaxValue", "long.MinValue", "0x7FFFFFFF", "true", "false", "null",
        "\"\"", "\"x\"", "\"\\u0000\"", "'c'", "1.5", "1e308", "63072000", "31536000", "TimeSpan.Zero",
        "TimeSpan.MaxValue", "(System.Security.Authentication.SslProtocols)12288",
        "(System.Security.Authentication.SslProtocols)(-1)", "\"max-age=0\"", "new()", "[]",
    ];

    private static readonly string[] MemberNames =
    [
        "Tls", "Ssl2", "Ssl3", "Tls11", "Tls12", "Tls13", "Default", "None", "SystemDefault", "NoEncryption",
        "AllowNoEncryption", "RequireEncryption", "NoCheck", "Online", "Offline", "Zero", "MaxValue", "Length",
    ];

    private readonly Random random;

    private readonly IReadOnlyList<string> donors;

    private readonly List<(string Name, Func<SyntaxNode, string, string?> Apply)> mutations;

    /// <param name="random">The source of every choice.</param>
    /// <param name="donors">Texts to take statements and expressions from, usually the whole corpus.</param>
    public SourceMutator(Random random, IReadOnlyList<string> donors)
    {
        this.random = random;
        this.donors = donors;
        mutations =
        [
            (nameof(DeleteToken), DeleteToken),
            (nameof(DuplicateToken), DuplicateToken),
            (nameof(Truncate), Truncate),
            (nameof(DropClosingBrace), DropClosingBrace),
            (nameof(SwapArgumentLists), SwapArgumentLists),
            (nameof(ReplaceLiteral), ReplaceLiteral),
            (nameof(ReplaceMemberName), ReplaceMemberName),
            (nameof(InsertIfDirective), InsertIfDirective),
            (nameof(MakeExpressionBodied), MakeExpressionBodied),
            (nameof(RenameTypeToFrameworkName), RenameTypeToFrameworkName),
            (nameof(AddShadowingType), AddShadowingType),
            (nameof(AddTypeUnderFrameworkName), AddTypeUnderFrameworkName),
            (nameof(DeleteUsingDirective), DeleteUsingDirective),
            (nameof(SpliceStatement), SpliceStatement),
            (nameof(SpliceExpression), SpliceExpression),
        ];
    }

    /// <summary>
    /// Applies one mutation to <paramref name="text"/> and returns its name and the new text. A mutation that does
    /// not apply (no literal to replace) gives way to another one.
    /// </summary>
    public (string Name, string Text) MutateOnce(string text, CSharpParseOptions parseOptions)
    {
        var root = CSharpSyntaxTree.ParseText(text, parseOptions).GetRoot();
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var (name, apply) = mutations[random.Next(mutations.Count)];
            var mutated = apply(root, text);
            if (mutated is not null && mutated != text)
            {
                return (name, mutated);
            }
        }

        return (nameof(Truncate), Truncate(root, text)!);
    }

    private static string Replace(string text, TextSpan span, string replacement) =>
        text[..span.Start] + replacement + text[span.End..];

    /// <summary>Returns a random item of a non-empty list.</summary>
    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private List<SyntaxToken> Tokens(SyntaxNode root) =>
        root.DescendantTokens().Where(token => token.Span.Length > 0).ToList();

    private string? DeleteToken(SyntaxNode root, string text)
    {
        var tokens = Tokens(root);
        return tokens.Count == 0 ? null : Replace(text, Pick(tokens).Span, "");
    }

    private string? DuplicateToken(SyntaxNode root, string text)
    {
        var tokens = Tokens(root);
        if (tokens.Count == 0)
        {
            return null;
        }

        var token = Pick(tokens);
        return text.Insert(token.Span.End, " " + token.Text);
    }

    private string? Truncate(SyntaxNode root, string text) => text.Length == 0 ? null : text[..random.Next(text.Length)];

    private string? DropClosingBrace(SyntaxNode root, string text)
    {
        var braces = Tokens(root).Where(token => token.IsKind(SyntaxKind.CloseBraceToken)).ToList();
        return braces.Count == 0 ? null : Replace(text, Pick(braces).Span, "");
    }

    /// <summary>Swaps the argument lists of two calls, or reverses the arguments of one call.</summary>
    private string? SwapArgumentLists(SyntaxNode root, string text)
    {
        var lists = root.DescendantNodes().OfType<BaseArgumentListSyntax>().ToList();
        if (lists.Count == 0)
        {
            return null;
        }

        var first = Pick(lists);
        var second = Pick(lists);
        if (first == second || first.Span.IntersectsWith(second.Span))
        {
            var reversed = string.Join(", ", first.Arguments.Reverse().Select(argument => argument.ToString()));
            var open = first.GetFirstToken();
            var close = first.GetLastToken();
            return Replace(text, first.Span, open.Text + reversed + close.Text);
        }

        var (earlier, later) = first.SpanStart < second.SpanStart ? (first, second) : (second, first);
        var swapped = Replace(text, later.Span, earlier.ToString());
        return Replace(swapped, earlier.Span, later.ToString());
    }

    private string? ReplaceLiteral(SyntaxNode root, string text)
    {
        var literals = root.DescendantNodes().OfType<LiteralExpressionSyntax>().ToList();
        if (literals.Count == 0)
        {
            return null;
        }

        // Half of the time the replacement is another literal of the same file, which keeps the types plausible.
        var replacement = random.Next(2) == 0 ? Pick(literals).ToString() : Pick(Literals);
        return Replace(text, Pick(literals).Span, replacement);
    }

    /// <summary>Replaces the member of a member access (<c>SslProtocols.Tls12</c>) with another enum-like name.</summary>
    private string? ReplaceMemberName(SyntaxNode root, string text)
    {
        var accesses = root.DescendantNodes().OfType<MemberAccessExpressionSyntax>().ToList();
        return accesses.Count == 0 ? null : Replace(text, Pick(accesses).Name.Span, Pick(MemberNames));
    }

    /// <summary>
    /// Wraps lines in <c>#if</c>/<c>#endif</c>, adds an <c>#else</c> branch, or leaves a directive unbalanced.
    /// </summary>
    private string? InsertIfDirective(SyntaxNode root, string text)
    {
        var lines = text.Split('\n').ToList();
        var first = random.Next(lines.Count + 1);
        var last = first + random.Next(lines.Count - first + 1);
        var symbol = Pick(new[] { "DEBUG", "false", "true", "NET8_0_OR_GREATER", "!NETFRAMEWORK", "WINDOWS" });

        switch (random.Next(4))
        {
            case 0:
                lines.Insert(last, "#endif");
                lines.Insert(first, "#if " + symbol);
                break;
            case 1:
                lines.Insert(last, "#endif");
                lines.Insert(last, "#else");
                lines.Insert(first, "#if " + symbol);
                break;
            case 2:
                lines.Insert(first, "#if " + symbol);
                break;
            default:
                lines.Insert(first, Pick(new[] { "#endif", "#else", "#elif X", "#region R", "#endregion" }));
                break;
        }

        return string.Join('\n', lines);
    }

    /// <summary>
    /// Turns a block body into an expression body built from one of its statements (<c>{ x = 1; }</c> becomes
    /// <c>=> x = 1;</c>), for methods, constructors, accessors, local functions and lambdas.
    /// </summary>
    private string? MakeExpressionBodied(SyntaxNode root, string text)
    {
        var bodies = root.DescendantNodes().OfType<BlockSyntax>()
            .Where(block => block.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax
                or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax)
            .ToList();
        if (bodies.Count == 0)
        {
            return null;
        }

        var body = Pick(bodies);
        var expression = body.Statements.Count == 0 ? null : ToExpression(Pick(body.Statements));
        if (expression is null)
        {
            return null;
        }

        var replacement = body.Parent is AnonymousFunctionExpressionSyntax ? expression : "=> " + expression + ";";
        return Replace(text, body.Span, replacement);
    }

    private static string? ToExpression(StatementSyntax statement) => statement switch
    {
        ExpressionStatementSyntax expressionStatement => expressionStatement.Expression.ToString(),
        ReturnStatementSyntax { Expression: { } returned } => returned.ToString(),
        ThrowStatementSyntax { Expression: { } thrown } => "throw " + thrown,
        LocalDeclarationStatementSyntax declaration =>
            declaration.Declaration.Variables.FirstOrDefault()?.Initializer?.Value.ToString(),
        _ => null,
    };

    /// <summary>Renames a type declared in the source, and every use of its name, to a framework type name.</summary>
    private string? RenameTypeToFrameworkName(SyntaxNode root, string text)
    {
        var declarations = root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().ToList();
        if (declarations.Count == 0)
        {
            return null;
        }

        var declaration = Pick(declarations);
        var oldName = declaration.Identifier.ValueText;
        var newName = Pick(FrameworkTypeNames);
        var uses = root.DescendantTokens()
            .Where(token => token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == oldName)
            .OrderByDescending(token => token.SpanStart);
        return uses.Aggregate(text, (current, token) => Replace(current, token.Span, newName));
    }

    /// <summary>
    /// Appends a user type named like a framework type, with look-alike members, so that the file's uses of the
    /// framework name bind to the user type (types of the enclosing namespace win over using directives).
    /// </summary>
    private string? AddShadowingType(SyntaxNode root, string text)
    {
        var name = Pick(FrameworkTypeNames);
        var declaration = EnumLikeNames.Contains(name)
            ? $"enum {name} {{ None, Ssl2, Ssl3, Tls, Default, Tls11, Tls12, Tls13, NoCheck, NoEncryption }}"
            : LookAlikeClass(name);

        var namespaceDeclaration = root.DescendantNodes().OfType<NamespaceDeclarationSyntax>().FirstOrDefault();
        if (namespaceDeclaration is not null && random.Next(2) == 0)
        {
            return text.Insert(namespaceDeclaration.OpenBraceToken.Span.End, "\n" + declaration + "\n");
        }

        return text + "\n" + declaration + "\n";
    }

    /// <summary>
    /// Declares a user type with a framework type's full name, such as <c>System.Security.Authentication.SslProtocols</c>.
    /// GetTypeByMetadataName then returns the source type, which lacks the members the rules expect.
    /// </summary>
    private string? AddTypeUnderFrameworkName(SyntaxNode root, string text)
    {
        // A file-scoped namespace cannot share its file with a namespace block.
        if (root.DescendantNodes().OfType<FileScopedNamespaceDeclarationSyntax>().Any())
        {
            return null;
        }

        var name = Pick(FrameworkNamespaces.Keys.ToList());
        var declaration = EnumLikeNames.Contains(name)
            ? $"public enum {name} {{ Tls }}"
            : $"public class {name} {{ }}";
        return text + $"\nnamespace {FrameworkNamespaces[name]} {{ {declaration} }}\n";
    }

    private string? DeleteUsingDirective(SyntaxNode root, string text)
    {
        var usings = root.DescendantNodes().OfType<UsingDirectiveSyntax>().ToList();
        return usings.Count == 0 ? null : Replace(text, Pick(usings).Span, "");
    }

    /// <summary>
    /// Inserts a statement taken from another source into a block of this one, so TLS API calls land in contexts
    /// their own tests never put them in (lambdas, local functions, accessors, switch sections).
    /// </summary>
    private string? SpliceStatement(SyntaxNode root, string text)
    {
        var blocks = root.DescendantNodes().OfType<BlockSyntax>().ToList();
        var statements = DonorNodes<StatementSyntax>().Where(statement => statement is not BlockSyntax).ToList();
        if (blocks.Count == 0 || statements.Count == 0)
        {
            return null;
        }

        var block = Pick(blocks);
        var position = block.Statements.Count == 0 ? block.OpenBraceToken.Span.End : Pick(block.Statements).Span.End;
        return text.Insert(position, "\n" + Pick(statements).ToString() + "\n");
    }

    /// <summary>Replaces an expression of this source with an expression taken from another source.</summary>
    private string? SpliceExpression(SyntaxNode root, string text)
    {
        var targets = root.DescendantNodes().OfType<ExpressionSyntax>().ToList();
        var expressions = DonorNodes<ExpressionSyntax>().ToList();
        return targets.Count == 0 || expressions.Count == 0
            ? null
            : Replace(text, Pick(targets).Span, Pick(expressions).ToString());
    }

    private IEnumerable<T> DonorNodes<T>()
        where T : SyntaxNode
    {
        if (donors.Count == 0)
        {
            return [];
        }

        return CSharpSyntaxTree.ParseText(Pick(donors)).GetRoot().DescendantNodes().OfType<T>();
    }

    private static string LookAlikeClass(string name) => $$"""
        class {{name}}
        {
            public {{name}}() { }
            public {{name}}(params object[] arguments) { }
            public static {{name}} Tls = new(), Ssl3 = new(), Tls12 = new(), Default = new();
            public static object SecurityProtocol { get; set; }
            public static bool CheckCertificateRevocationList { get; set; }
            public object SslProtocols { get; set; }
            public object EnabledSslProtocols { get; set; }
            public System.Func<object, object, object, object, bool> ServerCertificateCustomValidationCallback { get; set; }
            public object RemoteCertificateValidationCallback { get; set; }
            public bool AllowRenegotiation { get; set; }
            public object CipherSuitesPolicy { get; set; }
            public object EncryptionPolicy { get; set; }
            public object CertificateRevocationCheckMode { get; set; }
            public System.TimeSpan MaxAge { get; set; }
            public static {{name}} CreateBuilder(params object[] arguments) => new();
            public {{name}} Build() => this;
            public void UseHttpsRedirection() { }
            public void Run() { }
            public static void SetSwitch(string name, bool value) { }
        }
        """;
}
