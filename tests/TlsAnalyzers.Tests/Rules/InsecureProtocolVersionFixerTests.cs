using System.Threading.Tasks;
using TlsAnalyzers.CodeFixes.Rules;
using TlsAnalyzers.Tests.Verifiers;
using Verify = TlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    TlsAnalyzers.Rules.InsecureProtocolVersionAnalyzer,
    TlsAnalyzers.CodeFixes.Rules.InsecureProtocolVersionFixer>;

namespace TlsAnalyzers.Tests.Rules;

public sealed class InsecureProtocolVersionFixerTests
{
    private const string UseStrong = InsecureProtocolVersionFixer.UseTls12And13Key;
    private const string RemoveWeak = InsecureProtocolVersionFixer.RemoveWeakKey;
    private const string UseDefault = InsecureProtocolVersionFixer.UseSystemDefaultKey;

    [Fact]
    public async Task Combination_ReplacedOnceWithTls12And13()
    {
        var source = """
            using System.Net;

            class C
            {
                void M()
                {
                    // Partners still on old servers.
                    ServicePointManager.SecurityProtocol = {|TLS001:SecurityProtocolType.Tls|} | {|TLS001:SecurityProtocolType.Tls11|} | SecurityProtocolType.Tls12; // keep
                }
            }
            """;
        var fixedSource = """
            using System.Net;

            class C
            {
                void M()
                {
                    // Partners still on old servers.
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13; // keep
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, UseStrong);
    }

    // A default value must stay a constant, and Tls12 | Tls13 is one.
    [Fact]
    public async Task LambdaDefaultParameter_ReplacedWithTls12And13()
    {
        var source = """
            using System;
            using System.Security.Authentication;

            class C
            {
                Func<SslProtocols, SslProtocols> Pick = (SslProtocols fallback = {|TLS001:SslProtocols.Tls|}) => fallback;
            }
            """;
        var fixedSource = """
            using System;
            using System.Security.Authentication;

            class C
            {
                Func<SslProtocols, SslProtocols> Pick = (SslProtocols fallback = SslProtocols.Tls12 | SslProtocols.Tls13) => fallback;
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, UseStrong);
    }

    [Fact]
    public async Task Combination_RemoveWeakKeepsStrongMember()
    {
        var source = """
            using System.Net;

            class C
            {
                void M()
                {
                    ServicePointManager.SecurityProtocol = {|TLS001:SecurityProtocolType.Tls|} | {|TLS001:SecurityProtocolType.Tls11|} | SecurityProtocolType.Tls12; // keep
                }
            }
            """;
        var fixedSource = """
            using System.Net;

            class C
            {
                void M()
                {
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12; // keep
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, RemoveWeak);
    }

    [Fact]
    public async Task MultiLineCombination_RemoveWeakKeepsLayout()
    {
        var source = """
            using System.Security.Authentication;

            class C
            {
                SslProtocols Protocols =>
                    {|TLS001:SslProtocols.Tls11|}      // old partners
                    | SslProtocols.Tls12 /* current */
                    | {|TLS001:SslProtocols.Tls|}
                    | SslProtocols.Tls13;
            }
            """;
        var fixedSource = """
            using System.Security.Authentication;

            class C
            {
                SslProtocols Protocols =>
                    SslProtocols.Tls12 /* current */
                    | SslProtocols.Tls13;
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, RemoveWeak);
    }

    [Fact]
    public async Task RemoveWeak_NotOfferedWithoutStrongMember()
    {
        var source = """
            using System.Net;

            class C
            {
                void M(SecurityProtocolType existing)
                {
                    ServicePointManager.SecurityProtocol = existing | {|TLS001:SecurityProtocolType.Tls11|};
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, source, RemoveWeak);
    }

    [Fact]
    public async Task Combination_UseSystemDefault()
    {
        var source = """
            using System.Net;

            class C
            {
                void M()
                {
                    ServicePointManager.SecurityProtocol = {|TLS001:SecurityProtocolType.Ssl3|} | {|TLS001:SecurityProtocolType.Tls|};
                }
            }
            """;
        var fixedSource = """
            using System.Net;

            class C
            {
                void M()
                {
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, UseDefault);
    }

    [Theory]
    [InlineData(UseDefault, "SslProtocols.None")]
    [InlineData(null, "SslProtocols.Tls12 | SslProtocols.Tls13")]
    public async Task Argument_Replaced(string? equivalenceKey, string expected)
    {
        const string Template = """
            using System.Net.Security;
            using System.Security.Authentication;

            class C
            {
                void M(SslStream stream, string host) =>
                    stream.AuthenticateAsClient(host, null, VALUE, false);
            }
            """;
        var source = Template.Replace("VALUE", "{|TLS001:SslProtocols.Tls|}");

        // With no key the verifier takes the first fix offered, the one `dotnet format` applies.
        await Verify.VerifyCodeFixAsync(source, Template.Replace("VALUE", expected), equivalenceKey);
    }

    [Fact]
    public async Task FixAll_RewritesEveryShape()
    {
        var source = """
            using System;
            using System.Net;
            using System.Security.Authentication;

            [AttributeUsage(AttributeTargets.Class)]
            sealed class ProtocolsAttribute : Attribute
            {
                public ProtocolsAttribute(SslProtocols protocols) { }
            }

            [Protocols({|TLS001:SslProtocols.Tls11|})]
            class C
            {
                private const SslProtocols Legacy = {|TLS001:SslProtocols.Ssl3|};
                private SslProtocols _field = {|TLS001:(SslProtocols)192|};

                int AsNumber() => (int){|TLS001:SslProtocols.Tls|};

                void Optional(SslProtocols protocols = {|TLS001:SslProtocols.Default|}) { }

                void M()
                {
                    ServicePointManager.SecurityProtocol |= {|TLS001:SecurityProtocolType.Tls11|};
                    ServicePointManager.SecurityProtocol = {|TLS001:~SecurityProtocolType.Ssl3|};
                    ServicePointManager.SecurityProtocol = ({|TLS001:SecurityProtocolType.Tls|});
                }
            }
            """;
        var fixedSource = """
            using System;
            using System.Net;
            using System.Security.Authentication;

            [AttributeUsage(AttributeTargets.Class)]
            sealed class ProtocolsAttribute : Attribute
            {
                public ProtocolsAttribute(SslProtocols protocols) { }
            }

            [Protocols(SslProtocols.Tls12 | SslProtocols.Tls13)]
            class C
            {
                private const SslProtocols Legacy = SslProtocols.Tls12 | SslProtocols.Tls13;
                private SslProtocols _field = SslProtocols.Tls12 | SslProtocols.Tls13;

                int AsNumber() => (int)(SslProtocols.Tls12 | SslProtocols.Tls13);

                void Optional(SslProtocols protocols = SslProtocols.Tls12 | SslProtocols.Tls13) { }

                void M()
                {
                    ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, UseStrong);
    }

    [Fact]
    public async Task CompoundOr_SystemDefaultNotOffered()
    {
        var source = """
            using System.Net;

            class C
            {
                void M() => ServicePointManager.SecurityProtocol |= {|TLS001:SecurityProtocolType.Tls11|};
            }
            """;

        await Verify.VerifyCodeFixAsync(source, source, UseDefault);
    }

    [Fact]
    public async Task Alias_Kept()
    {
        var source = """
            using P = System.Security.Authentication.SslProtocols;

            class C
            {
                P Protocols => {|TLS001:P.Tls|} | {|TLS001:P.Tls11|};
            }
            """;
        var fixedSource = """
            using P = System.Security.Authentication.SslProtocols;

            class C
            {
                P Protocols => P.Tls12 | P.Tls13;
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, UseStrong);
    }

    [Fact]
    public async Task UsingStatic_Compiles()
    {
        var source = """
            using System.Security.Authentication;
            using static System.Security.Authentication.SslProtocols;

            class C
            {
                SslProtocols Protocols => {|TLS001:Tls|} | Tls12;
            }
            """;
        var fixedSource = """
            using System.Security.Authentication;
            using static System.Security.Authentication.SslProtocols;

            class C
            {
                SslProtocols Protocols => Tls12;
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, RemoveWeak);
    }

    [Fact]
    public async Task QualifiedNameBesideUserType_StaysQualified()
    {
        var source = """
            namespace MyApp
            {
                enum SslProtocols { Tls }

                class C
                {
                    SslProtocols Mine = SslProtocols.Tls;
                    System.Security.Authentication.SslProtocols Framework = {|TLS001:System.Security.Authentication.SslProtocols.Tls11|};
                }
            }
            """;
        var fixedSource = """
            namespace MyApp
            {
                enum SslProtocols { Tls }

                class C
                {
                    SslProtocols Mine = SslProtocols.Tls;
                    System.Security.Authentication.SslProtocols Framework = System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13;
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, UseStrong);
    }

    [Fact]
    public async Task NetFramework48_ServicePointManagerFixed()
    {
        var source = """
            using System.Net;

            static class Startup
            {
                public static void Configure()
                {
                    ServicePointManager.SecurityProtocol = {|TLS001:SecurityProtocolType.Ssl3|} | {|TLS001:SecurityProtocolType.Tls|};
                }
            }
            """;
        var fixedSource = """
            using System.Net;

            static class Startup
            {
                public static void Configure()
                {
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, UseStrong, ReferenceSets.NetFramework48);
    }

    [Fact]
    public async Task NetFramework462_Tls12Only()
    {
        var source = """
            using System.Net;
            using System.Security.Authentication;

            static class Startup
            {
                public static SslProtocols Protocols = {|TLS001:SslProtocols.Tls|};

                public static void Configure() =>
                    ServicePointManager.SecurityProtocol = {|TLS001:SecurityProtocolType.Tls11|};
            }
            """;
        var fixedSource = """
            using System.Net;
            using System.Security.Authentication;

            static class Startup
            {
                public static SslProtocols Protocols = SslProtocols.Tls12;

                public static void Configure() =>
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, UseStrong, ReferenceSets.NetFramework462);
    }

    [Fact]
    public async Task NetFramework462_NoSystemDefault()
    {
        var source = """
            using System.Net;
            using System.Security.Authentication;

            static class Startup
            {
                public static SslProtocols Protocols = {|TLS001:SslProtocols.Tls|};

                public static void Configure() =>
                    ServicePointManager.SecurityProtocol = {|TLS001:SecurityProtocolType.Tls11|};
            }
            """;

        await Verify.VerifyCodeFixAsync(source, source, UseDefault, ReferenceSets.NetFramework462);
    }

    [Fact]
    public async Task NetStandard20_Tls12Only()
    {
        var source = """
            using System.Security.Authentication;

            static class Settings
            {
                public static SslProtocols Protocols => {|TLS001:SslProtocols.Tls11|};
            }
            """;
        var fixedSource = """
            using System.Security.Authentication;

            static class Settings
            {
                public static SslProtocols Protocols => SslProtocols.Tls12;
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, UseStrong, ReferenceSets.NetStandard20);
    }

    [Fact]
    public async Task NestedTargets_OuterRewrittenOnce()
    {
        var source = """
            using System.Net;
            using System.Security.Authentication;

            class C
            {
                void M() => ServicePointManager.SecurityProtocol =
                    (SecurityProtocolType)({|TLS001:SslProtocols.Tls|}) | {|TLS001:SecurityProtocolType.Tls11|} | SecurityProtocolType.Tls12;
            }
            """;
        var fixedSource = """
            using System.Net;
            using System.Security.Authentication;

            class C
            {
                void M() => ServicePointManager.SecurityProtocol =
                    SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, UseStrong);
    }

    [Fact]
    public async Task BrokenCode_FixStillApplies()
    {
        var source = """
            using System.Net.Security;
            using System.Security.Authentication;

            class C
            {
                void M(SslStream stream, string host) =>
                    stream.AuthenticateAsClient(host, null, {|TLS001:SslProtocols.Tls|}, {|CS0103:revocation|});
            }
            """;
        var fixedSource = """
            using System.Net.Security;
            using System.Security.Authentication;

            class C
            {
                void M(SslStream stream, string host) =>
                    stream.AuthenticateAsClient(host, null, SslProtocols.Tls12 | SslProtocols.Tls13, {|CS0103:revocation|});
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, UseStrong);
    }

    [Fact]
    public async Task UsingStatic_UseTls12And13Compiles()
    {
        var source = """
            using System.Security.Authentication;
            using static System.Security.Authentication.SslProtocols;

            class C
            {
                SslProtocols Protocols => {|TLS001:Tls|} | {|TLS001:Tls11|};
            }
            """;
        var fixedSource = """
            using System.Security.Authentication;
            using static System.Security.Authentication.SslProtocols;

            class C
            {
                SslProtocols Protocols => Tls12 | Tls13;
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, UseStrong);
    }

    [Fact]
    public async Task NullableCast_StaysNullable()
    {
        var source = """
            using System.Security.Authentication;

            class C
            {
                SslProtocols? Field = {|TLS001:(SslProtocols?)192|};

                void M(bool forced)
                {
                    var local = {|TLS001:(SslProtocols?)768|};
                    local = null;
                    Use(forced ? {|TLS001:(SslProtocols?)192|} : null);
                }

                void Use(SslProtocols? protocols) { }
            }
            """;
        var fixedSource = """
            using System.Security.Authentication;

            class C
            {
                SslProtocols? Field = SslProtocols.Tls12 | SslProtocols.Tls13;

                void M(bool forced)
                {
                    var local = (SslProtocols?)(SslProtocols.Tls12 | SslProtocols.Tls13);
                    local = null;
                    Use(forced ? (SslProtocols?)(SslProtocols.Tls12 | SslProtocols.Tls13) : null);
                }

                void Use(SslProtocols? protocols) { }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, UseStrong);
    }

    [Fact]
    public async Task DirectiveInsideValue_NoFix()
    {
        var source = """
            #define LEGACY_PARTNERS
            using System.Net;

            class C
            {
                void M()
                {
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12
            #if LEGACY_PARTNERS
                        | {|TLS001:SecurityProtocolType.Tls11|}
            #endif
                        ;
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, source, UseStrong);
    }

    [Fact]
    public async Task DirectiveAroundValue_Kept()
    {
        var source = """
            #define LEGACY_PARTNERS
            using System.Net;

            class C
            {
                void M()
                {
                    ServicePointManager.SecurityProtocol =
            #if LEGACY_PARTNERS
                        {|TLS001:SecurityProtocolType.Tls11|};
            #else
                        SecurityProtocolType.Tls12;
            #endif
                }
            }
            """;
        var fixedSource = """
            #define LEGACY_PARTNERS
            using System.Net;

            class C
            {
                void M()
                {
                    ServicePointManager.SecurityProtocol =
            #if LEGACY_PARTNERS
                        SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
            #else
                        SecurityProtocolType.Tls12;
            #endif
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, UseStrong);
    }

    [Fact]
    public async Task ExclusiveOr_NoFix()
    {
        var source = """
            using System.Net;

            class C
            {
                void M() => ServicePointManager.SecurityProtocol ^= {|TLS001:SecurityProtocolType.Tls|};
            }
            """;

        await Verify.VerifyCodeFixAsync(source, source, UseStrong);
    }
}
