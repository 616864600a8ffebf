using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using TlsAnalyzers.Rules;
using TlsAnalyzers.Tests.Verifiers;
using Verify = TlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<TlsAnalyzers.Rules.WeakeningRuntimeSwitchAnalyzer>;

namespace TlsAnalyzers.Tests.Rules;

public sealed class WeakeningRuntimeSwitchAnalyzerTests
{
    public static TheoryData<string, string> SwitchesOnReferenceSets()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in WeakeningRuntimeSwitchAnalyzer.Switches.Keys)
        {
            data.Add(name, "Net80");
            data.Add(name, "NetFramework48");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SwitchesOnReferenceSets))]
    public async Task EverySwitch_SetToTrue_IsReported(string switchName, string referenceSet)
    {
        var source = $$"""
            using System;

            class Startup
            {
                void Configure()
                {
                    {|#0:AppContext.SetSwitch("{{switchName}}", true)|};
                }
            }
            """;

        var test = Verify.CreateTest(source, GetReferences(referenceSet));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(WeakeningRuntimeSwitchAnalyzer.Rule)
            .WithLocation(0)
            .WithArguments(switchName, WeakeningRuntimeSwitchAnalyzer.Switches[switchName]));
        await test.RunAsync();
    }

    [Fact]
    public async Task ConstantNameAndValue_AreReported()
    {
        const string source = """
            using System;

            static class Switches
            {
                public const string Prefix = "Switch.System.Net.";
                public const string StrongCrypto = Prefix + "DontEnableSchUseStrongCrypto";
                public const bool Legacy = true;
            }

            class Startup
            {
                const string SystemDefault = "Switch.System.Net.DontEnableSystemDefaultTlsVersions";

                void Configure()
                {
                    {|TLS010:AppContext.SetSwitch(Switches.StrongCrypto, Switches.Legacy)|};
                    {|TLS010:System.AppContext.SetSwitch(SystemDefault, true)|};
                    {|TLS010:AppContext.SetSwitch(isEnabled: true, switchName: SystemDefault)|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, ReferenceSets.NetFramework48);
    }

    [Fact]
    public async Task LambdaAndExpressionBody_AreReported()
    {
        const string source = """
            using System;

            class Startup
            {
                static void Legacy() => {|TLS010:AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true)|};

                Action later = () => {|TLS010:AppContext.SetSwitch("System.Net.Security.NoRevocationCheckByDefault", true)|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UsingStaticAppContext_IsReported()
    {
        const string source = """
            using static System.AppContext;

            class Startup
            {
                void Configure() => {|TLS010:SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true)|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, ReferenceSets.NetFramework48);
    }

    [Fact]
    public async Task EscapedMethodName_IsReported()
    {
        // The rule searches the file's text for the method's name, and a Unicode escape spells it differently.
        const string source = """
            using System;

            class Startup
            {
                void Configure()
                {
                    {|TLS010:AppContext.Set\u0053witch("Switch.System.Net.DontEnableSchUseStrongCrypto", true)|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, ReferenceSets.NetFramework48);
    }

    [Theory]
    [InlineData("\u00AD")] // soft hyphen
    [InlineData("\u200B")] // zero-width space
    public async Task InvisibleCharacterInName_IsReported(string character)
    {
        // The compiler drops formatting characters from identifiers, so this still calls SetSwitch.
        var source = $$"""
            using System;

            class Startup
            {
                void Configure()
                {
                    {|TLS010:AppContext.Set{{character}}Switch("Switch.System.Net.DontEnableSchUseStrongCrypto", true)|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, ReferenceSets.NetFramework48);
    }

    [Fact]
    public async Task SpanRequest_ReportsOnlyInsideSpan()
    {
        // The IDE requests the diagnostics of the member being edited, so a call in another member is not reported.
        const string source = """
            using System;

            class Startup
            {
                void First() => AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true);

                void Second() => AppContext.SetSwitch("Switch.System.Net.DontEnableSystemDefaultTlsVersions", true);
            }
            """;
        var second = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Last();

        var diagnostics = await Verify.GetSpanDiagnosticsAsync(source, second.Span, ReferenceSets.NetFramework48);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("TLS010", diagnostic.Id);
        Assert.True(second.Span.Contains(diagnostic.Location.SourceSpan));
    }

    // A span over the first line of a call written over two lines contains no SetSwitch token,
    // but the call touches it.
    [Fact]
    public async Task SpanOverFirstLine_CallReported()
    {
        const string source = """
            using System;

            class Startup
            {
                void Configure() => AppContext
                    .SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true);
            }
            """;
        var lineStart = source.IndexOf("void Configure");
        var firstLine = TextSpan.FromBounds(lineStart, source.IndexOf('\n', lineStart));

        var diagnostics = await Verify.GetSpanDiagnosticsAsync(source, firstLine, ReferenceSets.NetFramework48);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("TLS010", diagnostic.Id);
    }

    [Fact]
    public async Task CallInsideAnotherCall_IsReported()
    {
        const string source = """
            using System;

            class Startup
            {
                static int Run(Action action) { action(); return 0; }

                int Configure() => Run(() => {|TLS010:AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true)|});

                int ConfigureAgain() => Math.Max(Run(() => { }), Run(() => {|TLS010:AppContext.SetSwitch("Switch.System.Net.DontEnableSystemDefaultTlsVersions", true)|}));
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, ReferenceSets.NetFramework48);
    }

    [Fact]
    public async Task NameOutsideCode_IsNotReported()
    {
        const string source = """
            using System;

            class Startup
            {
                // AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true);
                const string Text = "AppContext.SetSwitch(\"Switch.System.Net.DontEnableSchUseStrongCrypto\", true)";

                void Configure()
                {
            #if NEVER_DEFINED
                    AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true);
            #endif
                    Console.WriteLine(Text);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, ReferenceSets.NetFramework48);
    }

    [Fact]
    public async Task HardenedAndUnknownValues_AreNotReported()
    {
        const string source = """
            using System;

            class Startup
            {
                static readonly string ReadOnlyName = "Switch.System.Net.DontEnableSchUseStrongCrypto";

                void Configure(bool fromConfiguration, string name)
                {
                    AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", false);
                    AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", fromConfiguration);
                    AppContext.SetSwitch(name, true);
                    AppContext.SetSwitch(ReadOnlyName, true);
                    AppContext.SetSwitch("System.Net.Http.SocketsHttpHandler.Http2Support", true);
                    AppContext.TryGetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", out var enabled);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task OtherCasing_IsNotReported()
    {
        // The runtime looks switch names up with ordinal comparison, so this call sets a switch no code reads.
        const string source = """
            using System;

            class Startup
            {
                void Configure()
                {
                    AppContext.SetSwitch("switch.system.net.dontenableschusestrongcrypto", true);
                    AppContext.SetSwitch("SWITCH.SYSTEM.NET.DONTENABLESYSTEMDEFAULTTLSVERSIONS", true);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, ReferenceSets.NetFramework48);
    }

    [Fact]
    public async Task UserAppContextType_IsNotReported()
    {
        const string source = """
            namespace MyCompany
            {
                static class AppContext
                {
                    public static void SetSwitch(string switchName, bool isEnabled) { }
                }

                class Startup
                {
                    void Configure() => AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NetFramework45_WithoutAppContext_ReportsNothing()
    {
        const string source = """
            static class AppContext
            {
                public static void SetSwitch(string switchName, bool isEnabled) { }
            }

            class Startup
            {
                void Configure() => AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true);
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, ReferenceAssemblies.NetFramework.Net45.Default);
    }

    [Fact]
    public async Task BrokenCode_DoesNotThrow()
    {
        const string source = """
            using System;

            class Startup
            {
                void Configure()
                {
                    AppContext.{|CS7036:SetSwitch|}("Switch.System.Net.DontEnableSchUseStrongCrypto"{|CS1026:;|}
                    AppContext.{|CS7036:SetSwitch|}("Switch.System.Net.DontEnableSchUseStrongCrypto");
                    AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", {|CS0103:unknown|});
                    AppContext.SetSwitch({|CS1503:42|}, true);
                    AppContext.{|CS0117:SetSwitches|}("Switch.System.Net.DontEnableSchUseStrongCrypto", true);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    private static ReferenceAssemblies GetReferences(string name) =>
        name == "Net80" ? ReferenceSets.Net80 : ReferenceSets.NetFramework48;
}
