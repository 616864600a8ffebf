using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace TlsAnalyzers.Tests.Robustness;

/// <summary>
/// Pins which edits the fix check accepts around a diagnostic on <c>Flagged()</c>: the statement itself, inserted
/// statements, an environment check next to it and new using directives, but no neighbour, comment or blank line.
/// </summary>
public sealed class AllowedChangeRegionsTests
{
    private const string Before = """
        using System;

        class C
        {
            void M(bool development)
            {
                Console.WriteLine(1);
                // Explains the call below.
                Flagged();
                Console.WriteLine(1);

                if (development)
                {
                    Console.WriteLine(2);
                }
            }

            void Flagged() { }
        }
        """;

    [Theory]
    [InlineData("statement removed", "        Flagged();\n", "")]
    [InlineData("statement rewritten", "Flagged();", "Console.WriteLine(3);")]
    [InlineData("statement inserted", "        Flagged();\n", "        Console.WriteLine(0);\n        Flagged();\n")]
    [InlineData("else branch added", "            Console.WriteLine(2);\n        }\n",
        "            Console.WriteLine(2);\n        }\n        else\n        {\n            Flagged();\n        }\n")]
    [InlineData("using added", "using System;\n", "using System;\nusing System.Net;\n")]
    public void Change_NearFlaggedStatement_IsAllowed(string description, string oldText, string newText)
    {
        var changed = Before.Replace(oldText, newText);

        Assert.NotEqual(Before, changed);
        Assert.True(FindChangesOutside(changed).IsEmpty, description + " was rejected");
    }

    [Theory]
    [InlineData("neighbour changed", "        Console.WriteLine(1);\n        // Explains", "        Console.WriteLine(9);\n        // Explains")]
    [InlineData("comment removed", "        // Explains the call below.\n", "")]
    [InlineData("blank line removed", "        Console.WriteLine(1);\n\n", "        Console.WriteLine(1);\n")]
    [InlineData("other member changed", "void Flagged() { }", "void Flagged() { return; }")]
    public void Change_OutsideFlaggedStatement_IsRejected(string description, string oldText, string newText)
    {
        var changed = Before.Replace(oldText, newText);

        Assert.NotEqual(Before, changed);
        Assert.True(FindChangesOutside(changed).Length == 1, description + " was not rejected");
    }

    [Fact]
    public void Condition_OfEnclosingIf_MayChange()
    {
        const string before = "class C { void M(bool d) { if (d) { Flagged(); } } void Flagged() { } }";
        var after = before.Replace("if (d)", "if (!d)");

        Assert.Empty(FindChangesOutside(before, after));
    }

    private static ImmutableArray<TextChange> FindChangesOutside(string after) => FindChangesOutside(Before, after);

    private static ImmutableArray<TextChange> FindChangesOutside(string before, string after)
    {
        var tree = CSharpSyntaxTree.ParseText(before);
        var flagged = before.IndexOf("Flagged();", System.StringComparison.Ordinal);
        var descriptor = new DiagnosticDescriptor("PROBE1", "t", "m", "Test", DiagnosticSeverity.Warning, true);
        var diagnostic = Diagnostic.Create(descriptor, Location.Create(tree, new TextSpan(flagged, "Flagged()".Length)));
        var regions = new AllowedChangeRegions(tree.GetRoot(), [diagnostic]);

        return LineDiff.GetChanges(before, after).Where(change => !regions.IsAllowed(change)).ToImmutableArray();
    }
}
