using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using TlsAnalyzers.Rules;
using TlsAnalyzers.Tests.Verifiers;
using Verify = TlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<TlsAnalyzers.Rules.InsecureProtocolVersionAnalyzer>;

namespace TlsAnalyzers.Tests.Rules;

public sealed class InsecureProtocolVersionAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Net;
        using System.Net.Security;
        using System.Security.Authentication;
        using System.Security.Cryptography.X509Certificates;

        """;

    [Theory]
    [InlineData("SslProtocols.Ssl2", "SSL 2.0")]
    [InlineData("SslProtocols.Ssl3", "SSL 3.0")]
    [InlineData("SslProtocols.Tls", "TLS 1.0")]
    [InlineData("SslProtocols.Tls11", "TLS 1.1")]
    [InlineData("SslProtocols.Default", "SSL 3.0 and TLS 1.0")]
    public async Task SslProtocolsMember_Reported(string member, string protocols)
    {
        var source = Usings + $$"""
            class C
            {
                SslProtocols M() => {|#0:{{member}}|};
            }
            """;
        var test = Verify.CreateTest(source);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(InsecureProtocolVersionAnalyzer.Rule)
            .WithLocation(0).WithArguments(member, protocols));

        await test.RunAsync();
    }

    [Theory]
    [InlineData("SecurityProtocolType.Ssl3", "SSL 3.0")]
    [InlineData("SecurityProtocolType.Tls", "TLS 1.0")]
    [InlineData("SecurityProtocolType.Tls11", "TLS 1.1")]
    public async Task SecurityProtocolTypeMember_Reported(string member, string protocols)
    {
        var source = Usings + $$"""
            class C
            {
                void M() => ServicePointManager.SecurityProtocol = {|#0:{{member}}|};
            }
            """;
        var test = Verify.CreateTest(source);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(InsecureProtocolVersionAnalyzer.Rule)
            .WithLocation(0).WithArguments(member, protocols));

        await test.RunAsync();
    }

    [Fact]
    public async Task Combination_EachWeakMemberReported()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            class C
            {
                void M()
                {
                    ServicePointManager.SecurityProtocol =
                        {|TLS001:SecurityProtocolType.Tls|} | {|TLS001:SecurityProtocolType.Tls11|} | SecurityProtocolType.Tls12;
                }
            }
            """);
    }

    [Fact]
    public async Task InitializersArgumentsAndReturns_Reported()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            class C
            {
                private SslProtocols _field = {|TLS001:SslProtocols.Tls11|};
                public SslProtocols Property { get; set; } = {|TLS001:SslProtocols.Tls|} | SslProtocols.Tls12;

                void Connect(SslStream stream, string host, X509CertificateCollection certs)
                {
                    stream.AuthenticateAsClient(host, certs, {|TLS001:SslProtocols.Tls|}, false);
                    var options = new SslClientAuthenticationOptions { EnabledSslProtocols = {|TLS001:SslProtocols.Tls11|} };
                    SslProtocols local = {|TLS001:SslProtocols.Ssl3|};
                }

                SslProtocols Pick(bool legacy) => legacy ? {|TLS001:SslProtocols.Tls|} : SslProtocols.Tls13;

                SslProtocols Map(int level) => level switch
                {
                    1 => {|TLS001:SslProtocols.Tls11|},
                    _ => SslProtocols.Tls12,
                };

                void Optional(SslProtocols protocols = {|TLS001:SslProtocols.Tls|}) { }
            }
            """);
    }

    [Fact]
    public async Task AttributeArgument_Reported()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            [AttributeUsage(AttributeTargets.Class)]
            sealed class ProtocolsAttribute : Attribute
            {
                public ProtocolsAttribute(SslProtocols protocols) { }
                public SslProtocols Fallback { get; set; }
            }

            [Protocols({|TLS001:SslProtocols.Tls11|}, Fallback = {|TLS001:SslProtocols.Tls|})]
            class C { }
            """);
    }

    [Fact]
    public async Task CompoundOrAssignment_Reported()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            class C
            {
                void M() => ServicePointManager.SecurityProtocol |= {|TLS001:SecurityProtocolType.Tls11|};
            }
            """);
    }

    [Fact]
    public async Task ConstField_ReportedAtDeclarationOnly()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            class C
            {
                private const SslProtocols Legacy = {|TLS001:SslProtocols.Tls|} | SslProtocols.Tls12;

                void Connect(SslStream stream, string host) => stream.AuthenticateAsClient(host, null, Legacy, false);
            }
            """);
    }

    [Fact]
    public async Task IntegerConstantCast_ReportedAtConversion()
    {
        var source = Usings + """
            class C
            {
                private const int LegacyValue = 768;

                void M()
                {
                    var a = {|#0:(SslProtocols)192|};
                    var b = {|#1:(SecurityProtocolType)LegacyValue|};
                    var c = {|#2:(SslProtocols)(-1)|};
                    var fine = (SslProtocols)3072;
                    var none = (SslProtocols)0;

                    // SecurityProtocolType defines no SSL 2.0 member, so its bits select nothing there.
                    var undefinedBits = (SecurityProtocolType)12;
                }
            }
            """;
        var test = Verify.CreateTest(source);
        test.ExpectedDiagnostics.Add(Expected(0, "(SslProtocols)192", "TLS 1.0"));
        test.ExpectedDiagnostics.Add(Expected(1, "(SecurityProtocolType)LegacyValue", "TLS 1.1"));
        test.ExpectedDiagnostics.Add(Expected(2, "(SslProtocols)(-1)", "SSL 2.0, SSL 3.0, TLS 1.0 and TLS 1.1"));

        await test.RunAsync();
    }

    [Fact]
    public async Task CastBetweenProtocolEnums_ReportedOnceAtMember()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            class C
            {
                SecurityProtocolType M() => (SecurityProtocolType){|TLS001:SslProtocols.Tls|};
                SecurityProtocolType N() => (SecurityProtocolType)(SslProtocols.Tls12 | SslProtocols.Tls13);
            }
            """);
    }

    [Fact]
    public async Task Complement_ReportedOnComplement()
    {
        var source = Usings + """
            class C
            {
                void M()
                {
                    ServicePointManager.SecurityProtocol = {|#0:~SecurityProtocolType.Ssl3|};
                    ServicePointManager.SecurityProtocol = {|#1:~(SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13)|};
                }
            }
            """;
        var test = Verify.CreateTest(source);
        test.ExpectedDiagnostics.Add(Expected(0, "~SecurityProtocolType.Ssl3", "TLS 1.0 and TLS 1.1"));
        test.ExpectedDiagnostics.Add(Expected(
            1, "~(SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13)", "SSL 3.0, TLS 1.0 and TLS 1.1"));

        await test.RunAsync();
    }

    [Fact]
    public async Task TestsAndRemovals_NotReported()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            class C
            {
                string Describe(SslProtocols p, SecurityProtocolType s)
                {
                    if (p == SslProtocols.Tls || p != SslProtocols.Tls11) return "equality";
                    if (p.HasFlag(SslProtocols.Ssl3)) return "HasFlag";
                    if ((p & SslProtocols.Tls) != 0) return "mask";
                    if ((p & (SslProtocols.Tls | SslProtocols.Tls11)) != 0) return "combined mask";
                    if (p is SslProtocols.Tls or SslProtocols.Tls11) return "pattern";
                    if (p is not SslProtocols.Default) return "negated pattern";
                    if (s.Equals(SecurityProtocolType.Tls)) return "Equals";
                    switch (p)
                    {
                        case SslProtocols.Tls:
                            return "case label";
                        case SslProtocols.Tls11 | SslProtocols.Tls12:
                            return "combined case label";
                    }

                    return s switch
                    {
                        SecurityProtocolType.Ssl3 => "arm pattern",
                        _ => nameof(SslProtocols.Tls) + $"{SslProtocols.Tls11}" + SslProtocols.Ssl2.ToString(),
                    };
                }

                SslProtocols Remove(SslProtocols protocols)
                {
                    protocols &= ~SslProtocols.Tls11;
                    protocols &= ~(SslProtocols.Tls | SslProtocols.Ssl3);
                    ServicePointManager.SecurityProtocol &= ~SecurityProtocolType.Tls;
                    return protocols & ~SslProtocols.Default;
                }
            }
            """);
    }

    [Fact]
    public async Task StrongValues_NotReported()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            class C
            {
                void M(SslStream stream, string host)
                {
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
                    ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
                    stream.AuthenticateAsClient(host, null, SslProtocols.None, false);
                    stream.AuthenticateAsClient(host, null, SslProtocols.Tls12 | SslProtocols.Tls13, false);
                    var fromInt = (SslProtocols)(3072 | 12288);
                }
            }
            """);
    }

    [Fact]
    public async Task UserTypeNamedSslProtocols_NotReported()
    {
        await Verify.VerifyAnalyzerAsync("""
            namespace MyApp
            {
                enum SslProtocols { None = 0, Ssl3 = 48, Tls = 192, Tls11 = 768 }
                enum SecurityProtocolType { Ssl3 = 48, Tls = 192 }

                class C
                {
                    SslProtocols P = SslProtocols.Tls | SslProtocols.Tls11;
                    SecurityProtocolType S = (SecurityProtocolType)192;
                    SslProtocols N = ~SslProtocols.Ssl3;
                }
            }
            """);
    }

    [Theory]
    [InlineData("T\\u006cs")] // Unicode escape
    [InlineData("T\u00ADls")] // soft hyphen, which the compiler drops from identifiers
    public async Task HiddenMemberName_Reported(string tls)
    {
        // The compiler decodes the escape and drops the soft hyphen, so both name SslProtocols.Tls.
        await Verify.VerifyAnalyzerAsync(Usings + $$"""
            class C
            {
                SslProtocols P = {|TLS001:SslProtocols.{{tls}}|} | SslProtocols.Tls12;
            }
            """);
    }

    // The rule searches the text for the weak members' names and skips longer identifiers such as FirstOrDefault and
    // Tls12 before binding. A verbatim @Default counts, and a member of another type with a weak name does not.
    [Fact]
    public async Task WeakNamesAmongLongerIdentifiers_OnlyMembersReported()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            using System.Linq;

            class Names
            {
                public const SslProtocols Tls11 = SslProtocols.Tls12;
                public static SslProtocols Default => SslProtocols.None;
            }

            class C
            {
                SslProtocols First(SslProtocols[] all) => all.FirstOrDefault();
                SslProtocols Strong() => SslProtocols.Tls12 | SslProtocols.Tls13;
                SslProtocols Verbatim() => {|TLS001:SslProtocols.@Default|};
                SslProtocols Plain() => {|TLS001:SslProtocols.Default|};
                SecurityProtocolType Legacy() => {|TLS001:SecurityProtocolType.Tls11|};
                SslProtocols Others() => Names.Tls11 | Names.Default;
            }
            """);
    }

    [Fact]
    public async Task NamesOutsideCode_NotReported()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            class C
            {
                // SslProtocols.Tls in a comment, and in a string: "SslProtocols.Tls11".
                string Text = "SslProtocols.Tls11";
            #if NEVER
                SslProtocols Inactive = SslProtocols.Ssl3;
            #endif
                int Tls = 1;
                int Default => Tls;
            }
            """);
    }

    [Fact]
    public async Task AliasUsingStaticAndQualifiedNames_Reported()
    {
        var source = """
            using P = System.Security.Authentication.SslProtocols;
            using static System.Security.Authentication.SslProtocols;

            class C
            {
                P Alias() => {|#0:P.Tls11|};
                P Static() => {|#1:Tls|} | Tls12;
                System.Net.SecurityProtocolType Qualified() => {|#2:System.Net.SecurityProtocolType.Ssl3|};
            }
            """;
        var test = Verify.CreateTest(source);
        test.ExpectedDiagnostics.Add(Expected(0, "SslProtocols.Tls11", "TLS 1.1"));
        test.ExpectedDiagnostics.Add(Expected(1, "SslProtocols.Tls", "TLS 1.0"));
        test.ExpectedDiagnostics.Add(Expected(2, "SecurityProtocolType.Ssl3", "SSL 3.0"));

        await test.RunAsync();
    }

    [Fact]
    public async Task NetFramework48_ServicePointManagerReported()
    {
        var source = """
            using System.Net;
            using System.Security.Authentication;

            static class Startup
            {
                public static void Configure()
                {
                    ServicePointManager.SecurityProtocol =
                        {|TLS001:SecurityProtocolType.Ssl3|} | {|TLS001:SecurityProtocolType.Tls|} | SecurityProtocolType.Tls12;
                    ServicePointManager.SecurityProtocol |= {|TLS001:SecurityProtocolType.Tls11|};
                    ServicePointManager.SecurityProtocol = {|TLS001:(SecurityProtocolType)768|};
                    ServicePointManager.SecurityProtocol = {|TLS001:~SecurityProtocolType.Ssl3|};
                    ServicePointManager.SecurityProtocol &= ~SecurityProtocolType.Ssl3;
                    if (ServicePointManager.SecurityProtocol.HasFlag(SecurityProtocolType.Tls)) { }
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
                }

                public static SslProtocols Legacy() => {|TLS001:SslProtocols.Default|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, ReferenceSets.NetFramework48);
    }

    [Fact]
    public async Task NetStandard20_Reported()
    {
        var source = """
            using System.Security.Authentication;

            static class Settings
            {
                public static SslProtocols Protocols => {|TLS001:SslProtocols.Tls11|} | SslProtocols.Tls12;
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, ReferenceSets.NetStandard20);
    }

    [Fact]
    public async Task BrokenCode_NoCrash()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            class C
            {
                void M(SslStream stream)
                {
                    ServicePointManager.SecurityProtocol = {|TLS001:SecurityProtocolType.Tls|} |{|CS1525:;|}
                    stream.AuthenticateAsClient({|CS0103:host|}, null, {|TLS001:SslProtocols.Tls11|}, false);
                    var unknown = SslProtocols.{|CS0117:Tls14|};
                    SslProtocols wrong = {|CS0266:192|};
                    var missing = (SslProtocols){|CS0103:undefinedConstant|};
                }
            }
            """);
    }

    [Fact]
    public async Task CompilationWithoutTlsTypes_NoDiagnostics()
    {
        var source = """
            enum SslProtocols { Tls = 192 }

            class C
            {
                SslProtocols P = SslProtocols.Tls;
                object Q = (SslProtocols)192;
            }
            """;
        // mscorlib alone: .NET Framework keeps both protocol enums in System.dll.
        var test = Verify.CreateTest(source, ReferenceSets.NetFramework48.WithAssemblies(["mscorlib"]));

        await test.RunAsync();
    }

    [Fact]
    public async Task ShadowedEnum_OtherStillReported()
    {
        // A polyfill class under SecurityProtocolType's full name hides the framework enum, so only SslProtocols
        // resolves. The rule must not crash, and it keeps reporting SslProtocols.
        await Verify.VerifyAnalyzerAsync(Usings + """
            namespace System.Net { public class SecurityProtocolType { } }

            class C
            {
                SslProtocols P = {|TLS001:SslProtocols.Tls11|};
            }
            """);
    }

    [Fact]
    public async Task OtherValueShapes_Reported()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            class C
            {
                SslProtocols? Nullable = {|TLS001:SslProtocols.Tls11|};
                Func<SslProtocols> Factory = () => {|TLS001:SslProtocols.Tls|};
                SslProtocols[] Candidates = { SslProtocols.Tls13, {|TLS001:SslProtocols.Tls11|} };

                void M(SslProtocols protocols)
                {
                    protocols ^= {|TLS001:SslProtocols.Tls|};
                    ServicePointManager.SecurityProtocol = {|TLS001:~~SecurityProtocolType.Tls|};
                }
            }
            """);
    }

    [Fact]
    public async Task KestrelHttpsOptions_Reported()
    {
        var source = """
            using System.Security.Authentication;
            using Microsoft.AspNetCore.Server.Kestrel.Https;

            static class Https
            {
                public static void Configure(HttpsConnectionAdapterOptions options) =>
                    options.SslProtocols = {|TLS001:SslProtocols.Tls11|} | SslProtocols.Tls12;
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public async Task GeneratedCode_Reported()
    {
        await Verify.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using System.Net;

            static class GeneratedSettings
            {
                public static void Apply() => ServicePointManager.SecurityProtocol = {|TLS001:SecurityProtocolType.Tls|};
            }
            """);
    }

    // A named mask of old versions is reported where it is declared, because the rule does not follow the
    // constant to its uses. Here every use only tests for the versions.
    [Fact]
    public async Task ConstMask_ReportedAtDeclaration()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            class C
            {
                private const SslProtocols OldVersions = {|TLS001:SslProtocols.Tls|} | {|TLS001:SslProtocols.Tls11|};

                bool IsOld(SslProtocols negotiated) => (negotiated & OldVersions) != 0;
            }
            """);
    }

    [Fact]
    public async Task NullableCastAndLiftedComplement_Reported()
    {
        var source = Usings + """
            class C
            {
                SslProtocols? Cast = {|#0:(SslProtocols?)192|};
                SslProtocols? Negative = {|#1:(SslProtocols?)(-1)|};
                SslProtocols? Lifted = {|#2:~(SslProtocols?)SslProtocols.Ssl3|};
                SslProtocols Twice = (SslProtocols){|#3:(SslProtocols?)768|};
                SslProtocols? Strong = (SslProtocols?)SslProtocols.Tls12;
                SslProtocols? StrongInteger = (SslProtocols?)3072;
            }
            """;
        var test = Verify.CreateTest(source);
        test.ExpectedDiagnostics.Add(Expected(0, "(SslProtocols?)192", "TLS 1.0"));
        test.ExpectedDiagnostics.Add(Expected(1, "(SslProtocols?)(-1)", "SSL 2.0, SSL 3.0, TLS 1.0 and TLS 1.1"));
        test.ExpectedDiagnostics.Add(Expected(2, "~(SslProtocols?)SslProtocols.Ssl3", "SSL 2.0, TLS 1.0 and TLS 1.1"));
        test.ExpectedDiagnostics.Add(Expected(3, "(SslProtocols?)768", "TLS 1.1"));

        await test.RunAsync();
    }

    [Fact]
    public async Task LookupsAndDescriptions_NotReported()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            using System.Collections.Generic;
            using System.Linq;

            static class Assert
            {
                public static void Equal<T>(T expected, T actual) { }
                public static void That<T>(T actual, object constraint) { }
            }

            static class Is
            {
                public static object EqualTo(object expected) => expected;
            }

            static class FluentExtensions
            {
                public static SslProtocols Should(this SslProtocols value) => value;
                public static void NotBe(this SslProtocols actual, SslProtocols unexpected) { }
            }

            class C
            {
                static readonly Dictionary<SslProtocols, string> Names = new()
                {
                    [SslProtocols.Tls] = "TLS 1.0",
                    [SslProtocols.Tls11] = "TLS 1.1",
                };

                static readonly Dictionary<SecurityProtocolType, string> Labels = new()
                {
                    { SecurityProtocolType.Ssl3, "SSL 3.0" },
                };

                bool Check(SslProtocols p, List<SslProtocols> allowed, HashSet<SslProtocols> enabled, int level)
                {
                    Console.WriteLine(SslProtocols.Tls);
                    Console.WriteLine("{0} is old", SslProtocols.Tls11);
                    Assert.Equal(SslProtocols.Tls, p);
                    Assert.That(p, Is.EqualTo(SslProtocols.Tls11));
                    p.Should().NotBe(SslProtocols.Ssl3);
                    enabled.Remove(SslProtocols.Tls);
                    return allowed.Contains(SslProtocols.Tls)
                        || Names.ContainsKey(SslProtocols.Ssl3)
                        || Names[SslProtocols.Tls11] == "TLS 1.1"
                        || new[] { SslProtocols.Tls, SslProtocols.Tls11 }.Contains(p)
                        || (p, level) == (SslProtocols.Tls, 1)
                        || p.CompareTo(SslProtocols.Tls11) <= 0
                        || Enum.IsDefined(typeof(SslProtocols), SslProtocols.Ssl2);
                }
            }
            """);
    }

    [Fact]
    public async Task CollectionsOfEnabledValues_Reported()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            using System.Collections.Generic;

            record Endpoint(SslProtocols Protocols);

            class C
            {
                List<SslProtocols> Allowed = new() { {|TLS001:SslProtocols.Tls|}, SslProtocols.Tls12 };
                SslProtocols[] Fallbacks = [{|TLS001:SslProtocols.Tls11|}];
                Dictionary<string, SslProtocols> ByName = new() { ["tls1"] = {|TLS001:SslProtocols.Tls|} };
                (SslProtocols Protocols, string Host) Target = ({|TLS001:SslProtocols.Tls11|}, "legacy");

                Endpoint Downgrade(Endpoint endpoint, List<SslProtocols> allowed)
                {
                    allowed.Add({|TLS001:SslProtocols.Ssl3|});
                    return endpoint with { Protocols = {|TLS001:SslProtocols.Tls|} };
                }
            }

            class Server(SslProtocols protocols = {|TLS001:SslProtocols.Tls11|})
            {
                public SslProtocols Protocols { get; init; } = protocols;
            }
            """);
    }

    [Fact]
    public async Task ReflectionSetValue_Reported()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            class C
            {
                void M() => typeof(ServicePointManager).GetProperty("SecurityProtocol")!
                    .SetValue(null, {|TLS001:SecurityProtocolType.Tls|});
            }
            """);
    }

    [Fact]
    public async Task UserTypeBesideFrameworkImport_NotReported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System.Security.Authentication;

            namespace Vendor
            {
                public enum SslProtocols { None = 0, Tls = 192, Tls11 = 768 }
            }

            namespace App
            {
                using Vendor;
                using Framework = System.Security.Authentication;

                class C
                {
                    SslProtocols P = SslProtocols.Tls | (SslProtocols)768;
                    Framework.SslProtocols Q = {|TLS001:Framework.SslProtocols.Tls|};
                }
            }
            """);
    }

    // A lambda's default parameter value and the attributes of a local function are not part of the operation tree
    // that operation actions see. The rule finds members, casts and complements in the text and gets their
    // operations from the semantic model, which covers both places.
    [Fact]
    public async Task LambdaDefaultAndLocalAttribute_Reported()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            class ProtocolAttribute : Attribute
            {
                public ProtocolAttribute(SslProtocols protocols) { }
            }

            class C
            {
                Func<SslProtocols, SslProtocols> Pick = (SslProtocols fallback = {|TLS001:SslProtocols.Tls|}) => fallback;
                Func<SslProtocols, SslProtocols> Cast = (SslProtocols fallback = {|TLS001:(SslProtocols)192|}) => fallback;
                Func<SslProtocols, SslProtocols> Complement = (SslProtocols fallback = {|TLS001:~SslProtocols.Tls12|}) => fallback;

                void M()
                {
                    [Protocol({|TLS001:SslProtocols.Tls11|})] void Local() { }
                    void Defaulted(SslProtocols p = {|TLS001:SslProtocols.Ssl3|}) { }
                    Action attributed = [Protocol({|TLS001:SslProtocols.Default|})] () => { };
                    Local();
                    Defaulted();
                    attributed();
                }
            }
            """);
    }

    // A file-local enum of the same name hides nothing outside its file: the other file uses the framework's enum.
    [Fact]
    public async Task FileLocalEnumElsewhere_FrameworkUsesReported()
    {
        var test = Verify.CreateTest(Usings + """
            class C
            {
                SslProtocols A = {|TLS001:SslProtocols.Tls|};
                SslProtocols B = {|TLS001:~SslProtocols.Tls12|};
            }
            """);
        test.TestState.Sources.Add(("/Local.cs", """
            namespace System.Security.Authentication
            {
                file enum SslProtocols { None = 0, Tls = 192 }
            }
            """));
        await test.RunAsync();
    }

    // The IDE may request a span that covers only part of a member access written over two lines. The rule reports
    // the member access when it touches the span.
    [Fact]
    public async Task SpanOverFirstLine_MemberAccessReported()
    {
        const string source = """
            using System.Security.Authentication;

            class C
            {
                SslProtocols Legacy() => SslProtocols
                    .Tls11;
            }
            """;
        var lineStart = source.IndexOf("SslProtocols Legacy");
        var firstLine = TextSpan.FromBounds(lineStart, source.IndexOf('\n', lineStart));

        var diagnostics = await Verify.GetSpanDiagnosticsAsync(source, firstLine);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("TLS001", diagnostic.Id);
    }

    // An integer constant made from a member is reported at the member and again at every cast back to the enum.
    [Fact]
    public async Task IntegerConstantFromMember_ReportedAtMemberAndCasts()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            class C
            {
                private const int Legacy = (int){|TLS001:SslProtocols.Tls|};

                SslProtocols Client() => {|TLS001:(SslProtocols)Legacy|};
                SslProtocols Server() => {|TLS001:(SslProtocols)Legacy|};
            }
            """);
    }

    private static DiagnosticResult Expected(int location, string value, string protocols) =>
        new DiagnosticResult(InsecureProtocolVersionAnalyzer.Rule).WithLocation(location).WithArguments(value, protocols);
}
