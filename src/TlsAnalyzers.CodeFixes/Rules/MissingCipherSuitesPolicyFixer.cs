using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TlsAnalyzers.CodeFixes.Infrastructure;
using TlsAnalyzers.Infrastructure;

namespace TlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// Fixes TLS004 by setting CipherSuitesPolicy to the profile's suites, guarded against Windows: in the
/// SslServerAuthenticationOptions initializer, or in a Kestrel OnAuthenticate callback.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingCipherSuitesPolicyFixer))]
[Shared]
public sealed class MissingCipherSuitesPolicyFixer : CodeFixProvider
{
    public const string EquivalenceKey = "TLS004.AddCipherSuitesPolicy";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.MissingCipherSuitesPolicy);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        var diagnostic = context.Diagnostics[0];
        var profile = diagnostic.Properties.TryGetValue(CipherSuiteProfile.PropertyKey, out var value) && value is not null
            ? value
            : CipherSuiteProfile.Default;
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var start = diagnostic.Location.SourceSpan.Start;
        var replacement = CreateReplacement(node, start, model, profile, context.CancellationToken);
        if (replacement is null)
        {
            return;
        }

        var (original, updated) = replacement.Value;
        var action = CodeAction.Create(
            $"Set CipherSuitesPolicy to the {profile} cipher suites",
            cancellationToken => ReplaceAsync(context.Document, original, updated, cancellationToken),
            EquivalenceKey);
        context.RegisterCodeFix(action, diagnostic);
    }

    private static (SyntaxNode Original, SyntaxNode Updated)? CreateReplacement(
        SyntaxNode node, int start, SemanticModel model, string profile, CancellationToken cancellationToken)
    {
        var creation = node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();
        if (creation is not null && creation.SpanStart == start)
        {
            return (creation, AddToInitializer(creation, "CipherSuitesPolicy",
                layout => CipherSuitesPolicySyntax.CreateGuardedPolicyText(model.Compilation, profile, layout)));
        }

        var invocation = node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
        if (invocation is null)
        {
            return null;
        }

        var editor = new KestrelHttpsOptionsEditor(model, profile, cancellationToken);
        return editor.CreateReplacement(invocation);
    }

    /// <summary>
    /// Returns <paramref name="creation"/> with <c>property = value</c> added to its object initializer, the value
    /// written by <paramref name="createValue"/> for the layout of the line it goes on.
    /// </summary>
    internal static BaseObjectCreationExpressionSyntax AddToInitializer(
        BaseObjectCreationExpressionSyntax creation, string property, Func<CodeLayout, string> createValue)
    {
        var initializer = creation.Initializer;
        if (initializer is not null && initializer.Expressions.Count > 0 && IsMultiLine(initializer))
        {
            return creation.WithInitializer(AppendToMultiLine(initializer, property, createValue));
        }

        var layout = CodeLayout.Of(creation);
        var members = initializer?.Expressions.Select(expression => expression.WithoutTrivia().ToFullString())
            ?? Enumerable.Empty<string>();
        var text = new StringBuilder().Append('{');
        foreach (var member in members.Append(property + " = " + createValue(layout.Nested)))
        {
            text.Append(layout.NewLine).Append(layout.Nested.Indentation).Append(member).Append(',');
        }

        text.Append(layout.NewLine).Append(layout.Indentation).Append('}');
        var parsed = (ObjectCreationExpressionSyntax)SyntaxFactory.ParseExpression("new T" + text);
        var newInitializer = CipherSuitesPolicySyntax.Annotate(parsed.Initializer!)
            .WithLeadingTrivia(SyntaxFactory.EndOfLine(layout.NewLine), SyntaxFactory.Whitespace(layout.Indentation))
            .WithTrailingTrivia(creation.GetTrailingTrivia());
        return creation.WithInitializer(null).WithoutTrailingTrivia().WithInitializer(newInitializer);
    }

    private static bool IsMultiLine(InitializerExpressionSyntax initializer)
    {
        var lines = initializer.SyntaxTree.GetText().Lines;
        return lines.GetLineFromPosition(initializer.OpenBraceToken.SpanStart).LineNumber
            != lines.GetLineFromPosition(initializer.CloseBraceToken.SpanStart).LineNumber;
    }

    // Keeps the initializer's own layout: the new member goes on its own line after the last one, with the same
    // indentation, and a trailing comma stays a trailing comma.
    private static InitializerExpressionSyntax AppendToMultiLine(
        InitializerExpressionSyntax initializer, string property, Func<CodeLayout, string> createValue)
    {
        var expressions = initializer.Expressions;
        var last = expressions[expressions.Count - 1];
        var layout = CodeLayout.Of(last);
        var added = CipherSuitesPolicySyntax.ParseExpression(property + " = " + createValue(layout))
            .WithLeadingTrivia(SyntaxFactory.Whitespace(layout.Indentation));
        var items = expressions.GetWithSeparators();
        if (expressions.SeparatorCount == expressions.Count)
        {
            var trailing = expressions.GetSeparator(expressions.Count - 1);
            items = items.Add(added.WithTrailingTrivia()).Add(trailing);
        }
        else
        {
            var comma = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(last.GetTrailingTrivia());
            items = items.Replace(last, last.WithoutTrailingTrivia()).Add(comma)
                .Add(added.WithTrailingTrivia(SyntaxFactory.EndOfLine(layout.NewLine)));
        }

        return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items));
    }

    private static async Task<Document> ReplaceAsync(
        Document document, SyntaxNode original, SyntaxNode updated, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return await ImportAdderHelper.AddImportsAsync(
            document.WithSyntaxRoot(root!.ReplaceNode(original, updated)), cancellationToken).ConfigureAwait(false);
    }
}
