using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using TlsAnalyzers.Infrastructure;

namespace TlsAnalyzers.Tests.Searches;

/// <summary>
/// NameSearch keeps each search per tree and finds names that contain a shared part (Https, Certificate) from the
/// places of that part. The tokens found must not depend on which name a rule searched first.
/// </summary>
public sealed class NameSearchTests
{
    private const string Source = """
        class C
        {
            // ConfigureHttpsDefaults in a comment, and "ConfigureHttpsDefaults" in a string.
            void ConfigureHttpsDefaults() { }
            void Https() { }
            void UseHttpsHttps() { }
            int ConfigureHttpsDefaultsHttps;
            void M() { ConfigureHttpsDefaults(); Https(); }
        }
        """;

    // Six identifiers contain Https. A token that contains it twice counts once.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SharedPart_SameTokensInAnyOrder(bool partFirst)
    {
        var tree = CSharpSyntaxTree.ParseText(Source);
        if (partFirst)
        {
            Assert.Equal(6, Find(tree, "Https").Length);
        }

        var found = Find(tree, "ConfigureHttpsDefaults");

        Assert.Equal(["ConfigureHttpsDefaults", "ConfigureHttpsDefaultsHttps", "ConfigureHttpsDefaults"], found);
        Assert.Equal(6, Find(tree, "Https").Length);
        Assert.Equal(["UseHttpsHttps"], Find(tree, "UseHttps"));
    }

    [Fact]
    public void WholeNames_SkipLongerIdentifiers()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            class C
            {
                int Default, FirstOrDefault, Default2, _Default, @Default2;
                int M() => Default + @Default2;
            }
            """);

        var found = NameSearch.FindIdentifiers(tree, null, ["Default"], CancellationToken.None, wholeNames: true)
            .Select(token => token.SpanStart)
            .ToArray();

        var text = tree.GetText().ToString();
        Assert.Equal([text.IndexOf("Default,"), text.IndexOf("Default +")], found);
    }

    [Fact]
    public void HiddenName_EveryIdentifierReturned()
    {
        var tree = CSharpSyntaxTree.ParseText("class C { void Configure\\u0048ttpsDefaults() { } }");

        var found = NameSearch.FindIdentifiers(tree, null, ["ConfigureHttpsDefaults"], CancellationToken.None)
            .Select(token => token.ValueText)
            .ToArray();

        Assert.Equal(["C", "ConfigureHttpsDefaults"], found);
    }

    private static string[] Find(Microsoft.CodeAnalysis.SyntaxTree tree, string name) =>
        NameSearch.FindIdentifiers(tree, null, [name], CancellationToken.None).Select(token => token.Text).ToArray();
}
