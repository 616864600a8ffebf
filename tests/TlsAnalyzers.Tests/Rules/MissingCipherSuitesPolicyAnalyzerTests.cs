using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using TlsAnalyzers.Rules;
using TlsAnalyzers.Tests.Verifiers;
using Verify = TlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<TlsAnalyzers.Rules.MissingCipherSuitesPolicyAnalyzer>;

namespace TlsAnalyzers.Tests.Rules;

public sealed class MissingCipherSuitesPolicyAnalyzerTests
{
    private const string KestrelUsings = """
        using System;
        using System.Net.Security;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.Server.Kestrel.Core;
        using Microsoft.AspNetCore.Server.Kestrel.Https;

        """;

    private static Task VerifyAsync(string source, ReferenceAssemblies? references = null) =>
        CreateTest(source, references).RunAsync();

    private static CSharpAnalyzerVerifier<MissingCipherSuitesPolicyAnalyzer>.Test CreateTest(
        string source, ReferenceAssemblies? references = null)
    {
        var test = Verify.CreateTest(source, references);
        return test;
    }

    [Fact]
    public async Task ServerOptions_WithoutPolicy_Reported()
    {
        var source = """
            using System.Net.Security;
            using System.Security.Authentication;

            class Server
            {
                SslServerAuthenticationOptions Create() => {|TLS004:new SslServerAuthenticationOptions|}
                {
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                };
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task ServerOptions_PropertiesSetLater_Reported()
    {
        var source = """
            using System.Net.Security;
            using System.Threading.Tasks;

            class Server
            {
                async Task Run(SslStream stream)
                {
                    var options = {|TLS004:new SslServerAuthenticationOptions()|};
                    options.ClientCertificateRequired = false;
                    await stream.AuthenticateAsServerAsync(options);
                }
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task ServerOptions_TargetTypedNew_Reported()
    {
        var source = """
            using System.Net.Security;

            class Server
            {
                SslServerAuthenticationOptions Options { get; } = {|TLS004:new()|};
            }
            """;

        await VerifyAsync(source);
    }

    // The rule binds only the creations that its search finds: `new` with the type's name or an alias, and the
    // target-typed `new()` that can create the options.
    [Fact]
    public async Task ServerOptions_EverySpelling_Reported()
    {
        var test = CreateTest("""
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            using System.Threading.Tasks;

            class Server
            {
                SslServerAuthenticationOptions? _options;

                SslServerAuthenticationOptions Create() => {|TLS004:new()|};

                SslServerAuthenticationOptions CreateInBody()
                {
                    return {|TLS004:new()|} { ClientCertificateRequired = false };
                }

                Task Start(SslStream ssl, X509Certificate2 certificate) =>
                    ssl.AuthenticateAsServerAsync(
                        sslServerAuthenticationOptions: {|TLS004:new()|} { ServerCertificate = certificate },
                        cancellationToken: default);

                void Store() => _options = {|TLS004:new ()|};

                void StoreAfterComment()
                {
                    // Replaces the List<SslServerAuthenticationOptions>
                    _options = {|TLS004:new()|};
                }

                void Declare()
                {
                    SslServerAuthenticationOptions? local = {|TLS004:new()|};
                    var qualified = {|TLS004:new System.Net.Security.
                        SslServerAuthenticationOptions()|};
                    var aliased = {|TLS004:new ServerOptions()|};
                    SslServerAuthenticationOptions typing = {|TLS004:new()|} { ClientCertificateRequired = true, Enab };
                    SslServerAuthenticationOptions[] all = [{|TLS004:new()|}];
                    SslServerAuthenticationOptions afterDirective = {|TLS004:new
            #pragma warning disable CS0219
                        ()|};
                }
            }
            """);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.TestState.Sources.Add(("/Aliases.cs", """
            global using ServerOptions = System.Net.Security.SslServerAuthenticationOptions;
            """));

        // A Unicode escape makes the rule walk the whole file instead of searching it.
        test.TestState.Sources.Add(("/Escaped.cs", """
            using System.Net.Security;

            class Escaped
            {
                object Explicit() => {|TLS004:new SslServerAuthentication\u004Fptions()|};
                SslServerAuthenticationOptions TargetTyped() => {|TLS004:new()|};
            }
            """));
        await test.RunAsync();
    }

    // The IDE may request a span over the line with `new` while the type's name is on the next line, or over a line
    // that contains only another creation.
    [Theory]
    [InlineData("var qualified", 1)]
    [InlineData("var other", 0)]
    public async Task SpanAnalysis_ReportsTouchingCreations(string lineText, int expected)
    {
        const string source = """
            class Server
            {
                void Create()
                {
                    var qualified = new System.Net.Security.
                        SslServerAuthenticationOptions();
                    var other = new object();
                }
            }
            """;
        var lineStart = source.IndexOf(lineText, System.StringComparison.Ordinal);
        var line = TextSpan.FromBounds(lineStart, source.IndexOf('\n', lineStart));

        var diagnostics = await Verify.GetSpanDiagnosticsAsync(source, line);

        Assert.Equal(expected, diagnostics.Count(diagnostic => diagnostic.Id == "TLS004"));
    }

    // A comment that ends in `>` before a carriage return alone must not read as the generic type of a declaration.
    [Fact]
    public async Task CommentBeforeOtherLineEnd_IsNoType()
    {
        var source = "using System.Net.Security;\rclass Server\r{\r    SslServerAuthenticationOptions? _options;\r"
            + "    void Reset()\r    {\r        // see <see cref=\"SslStream\"/>\r        _options = {|TLS004:new()|};\r    }\r}\r";

        await VerifyAsync(source);
    }

    [Fact]
    public async Task OtherTargetTypedCreations_NotReported()
    {
        var source = """
            using System.Collections.Generic;
            using System.Net.Security;

            class Store
            {
                readonly Dictionary<string, int> _counts = new();
                readonly List<int> _items = new() { 1, 2 };
                SslClientAuthenticationOptions _client = new() { TargetHost = "localhost" };
                Item _item = new() { Name = "a" };

                Item Make() => new() { Name = "b" };

                void Fill(List<Item> items) => items.Add(new());
            }

            class Item
            {
                public string Name { get; set; } = "";
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task ServerOptions_PolicyInInitializer_NotReported()
    {
        var source = """
            using System;
            using System.Net.Security;

            class Server
            {
                SslServerAuthenticationOptions Create() => new SslServerAuthenticationOptions
                {
                    CipherSuitesPolicy = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(
                        new[] { TlsCipherSuite.TLS_AES_128_GCM_SHA256 }),
                };
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task ServerOptions_PolicySetThroughLocal_NotReported()
    {
        var source = """
            using System;
            using System.Net.Security;

            class Server
            {
                SslServerAuthenticationOptions Create()
                {
                    var options = new SslServerAuthenticationOptions();
                    if (!OperatingSystem.IsWindows())
                    {
                        options.CipherSuitesPolicy = new CipherSuitesPolicy(new[] { TlsCipherSuite.TLS_AES_128_GCM_SHA256 });
                    }

                    return options;
                }
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task ServerOptions_PolicySetThroughField_NotReported()
    {
        var source = """
            using System;
            using System.Net.Security;

            class Server
            {
                private SslServerAuthenticationOptions _options;

                Server()
                {
                    _options = new SslServerAuthenticationOptions();
                    if (!OperatingSystem.IsWindows())
                    {
                        _options.CipherSuitesPolicy = new CipherSuitesPolicy(new[] { TlsCipherSuite.TLS_AES_128_GCM_SHA256 });
                    }
                }
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task ServerOptions_HandedToAppMethod_NotReported()
    {
        var source = """
            using System.Net.Security;

            class Server
            {
                SslServerAuthenticationOptions Create()
                {
                    var options = new SslServerAuthenticationOptions();
                    Harden(options);
                    return options;
                }

                static void Harden(SslServerAuthenticationOptions options) { }
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task ClientOptions_NotReported()
    {
        var source = """
            using System.Net.Security;

            class Client
            {
                SslClientAuthenticationOptions Create() => new SslClientAuthenticationOptions { TargetHost = "example.com" };
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task UserTypeWithSameName_NotReported()
    {
        var source = """
            namespace MyApp
            {
                class SslServerAuthenticationOptions { public bool ClientCertificateRequired { get; set; } }

                class Server
                {
                    SslServerAuthenticationOptions Create() => new SslServerAuthenticationOptions();
                }
            }
            """;

        await VerifyAsync(source);
    }

    [Theory]
    [InlineData("build_property.TargetPlatformIdentifier = windows")]
    [InlineData("build_property.RuntimeIdentifier = win-x64")]
    public async Task WindowsOnlyProject_NotReported(string property)
    {
        var source = """
            using System.Net.Security;

            class Server
            {
                SslServerAuthenticationOptions Create() => new SslServerAuthenticationOptions();
            }
            """;

        var test = CreateTest(source);
        test.AddGlobalConfig(property);
        await test.RunAsync();
    }

    [Fact]
    public async Task LinuxRuntimeIdentifier_Reported()
    {
        var source = """
            using System.Net.Security;

            class Server
            {
                SslServerAuthenticationOptions Create() => {|TLS004:new SslServerAuthenticationOptions()|};
            }
            """;

        var test = CreateTest(source);
        test.AddGlobalConfig("build_property.RuntimeIdentifier = linux-x64");
        await test.RunAsync();
    }

    [Fact]
    public async Task NetStandard20_WithoutPolicyType_NotReported()
    {
        var source = """
            class Server
            {
                object Create() => new object();
            }
            """;

        await VerifyAsync(source, ReferenceSets.NetStandard20);
    }

    [Fact]
    public async Task NetFramework48_WithoutPolicyType_NotReported()
    {
        var source = """
            using System.Net.Security;

            class Server
            {
                void Run(SslStream stream, System.Security.Cryptography.X509Certificates.X509Certificate certificate) =>
                    stream.AuthenticateAsServer(certificate);
            }
            """;

        await VerifyAsync(source, ReferenceSets.NetFramework48);
    }

    [Fact]
    public async Task BrokenCode_DoesNotThrow()
    {
        var source = """
            using System.Net.Security;

            class Server
            {
                void Run()
                {
                    var options = {|TLS004:new SslServerAuthenticationOptions|} { {|CS0117:Missing|} = 1 };
                    options.CipherSuitesPolicy{|CS1002:|}
                }

                SslServerAuthenticationOptions Other() => {|TLS004:new SslServerAuthenticationOptions|}
                {
                    ClientCertificateRequired = {|CS1525:}|}{|CS1002:|}
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task BrokenKestrelCode_DoesNotThrow()
    {
        var source = KestrelUsings + """
            class Startup
            {
                void Configure(KestrelServerOptions kestrel)
                {
                    kestrel.ListenAnyIP(5001, listen => listen.UseHttps(https => https.OnAuthenticate = {|CS1525:)|}){|CS1002:{|CS1513:)|}|};
                    kestrel.{|CS7036:ConfigureHttpsDefaults|}();
                }
            }
            """;

        await VerifyAsync(source, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public async Task InvalidProfile_ReportsInvalidOption()
    {
        var source = """
            using System.Net.Security;

            class Server
            {
                SslServerAuthenticationOptions Create() => {|TLS004:{|TLS000:new SslServerAuthenticationOptions()|}|};
            }
            """;

        var test = CreateTest(source);
        test.AddEditorConfig("tls_analyzers.cipher_suite_profile = strict");
        await test.RunAsync();
    }

    [Fact]
    public async Task UseHttps_WithoutCallback_Reported()
    {
        var source = KestrelUsings + """
            class Startup
            {
                void Configure(KestrelServerOptions kestrel)
                {
                    kestrel.ListenAnyIP(5001, listen => listen.{|TLS004:UseHttps|}());
                    kestrel.ListenAnyIP(5002, listen => listen.{|TLS004:UseHttps|}("cert.pfx", "secret"));
                    kestrel.ListenAnyIP(5003, listen => listen.{|TLS004:UseHttps|}(https => https.CheckCertificateRevocation = true));
                    kestrel.ListenAnyIP(5004, listen => ListenOptionsHttpsExtensions.{|TLS004:UseHttps|}(listen));
                }
            }
            """;

        await VerifyAsync(source, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public async Task UseHttps_CallbackWithoutPolicy_Reported()
    {
        var source = KestrelUsings + """
            class Startup
            {
                void Configure(KestrelServerOptions kestrel)
                {
                    kestrel.ListenAnyIP(5001, listen => listen.{|TLS004:UseHttps|}(https =>
                    {
                        https.OnAuthenticate = (connection, options) => options.AllowRenegotiation = false;
                    }));
                }
            }
            """;

        await VerifyAsync(source, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public async Task UseHttps_CallbackSetsPolicy_NotReported()
    {
        var source = KestrelUsings + """
            class Startup
            {
                void Configure(KestrelServerOptions kestrel)
                {
                    kestrel.ListenAnyIP(5001, listen => listen.UseHttps(https =>
                    {
                        https.OnAuthenticate = (connection, options) =>
                        {
                            if (!OperatingSystem.IsWindows())
                            {
                                options.CipherSuitesPolicy = new CipherSuitesPolicy(new[] { TlsCipherSuite.TLS_AES_128_GCM_SHA256 });
                            }
                        };
                    }));
                }
            }
            """;

        await VerifyAsync(source, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public async Task UseHttps_OptionsObject_ReportedUnlessPolicySet()
    {
        var source = KestrelUsings + """
            class Startup
            {
                void Configure(KestrelServerOptions kestrel)
                {
                    kestrel.ListenAnyIP(5001, listen => listen.{|TLS004:UseHttps|}(new HttpsConnectionAdapterOptions()));

                    var hardened = new HttpsConnectionAdapterOptions();
                    hardened.OnAuthenticate = (connection, options) =>
                        options.CipherSuitesPolicy = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(
                            new[] { TlsCipherSuite.TLS_AES_128_GCM_SHA256 });
                    kestrel.ListenAnyIP(5002, listen => listen.UseHttps(hardened));
                }
            }
            """;

        await VerifyAsync(source, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public async Task UseHttps_UnseenCallback_NotReported()
    {
        var source = KestrelUsings + """
            using System.Threading.Tasks;

            class Startup
            {
                void Configure(KestrelServerOptions kestrel)
                {
                    kestrel.ListenAnyIP(5001, listen => listen.UseHttps(ConfigureHttps));
                    kestrel.ListenAnyIP(5002, listen => listen.UseHttps(
                        (stream, hello, state, token) => new ValueTask<SslServerAuthenticationOptions>(
                            {|TLS004:new SslServerAuthenticationOptions()|}),
                        state: null));
                }

                static void ConfigureHttps(HttpsConnectionAdapterOptions https) { }
            }
            """;

        await VerifyAsync(source, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public async Task ConfigureHttpsDefaults_WithoutPolicy_Reported()
    {
        var source = KestrelUsings + """
            class Startup
            {
                void Configure(KestrelServerOptions kestrel)
                {
                    kestrel.{|TLS004:ConfigureHttpsDefaults|}(https => https.CheckCertificateRevocation = true);
                    kestrel.ListenAnyIP(5001, listen => listen.{|TLS004:UseHttps|}());
                }
            }
            """;

        await VerifyAsync(source, ReferenceSets.AspNetCore80);
    }

    // A soft hyphen inside ConfigureHttpsDefaults is dropped by the compiler, so the call still covers UseHttps. The
    // text search cannot see the name there and reads the whole file instead.
    [Theory]
    [InlineData("ConfigureHttpsDefaults")]
    [InlineData("Configure\u00ADHttpsDefaults")]
    public async Task HttpsDefaultsPolicy_CoversUseHttps(string configureHttpsDefaults)
    {
        var startup = KestrelUsings + $$"""
            class Startup
            {
                void Configure(KestrelServerOptions kestrel)
                {
                    kestrel.{{configureHttpsDefaults}}(https =>
                        https.OnAuthenticate = (connection, options) =>
                            options.CipherSuitesPolicy = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(
                                new[] { TlsCipherSuite.TLS_AES_128_GCM_SHA256 }));
                }
            }
            """;
        var endpoints = KestrelUsings + """
            class Endpoints
            {
                void Configure(KestrelServerOptions kestrel) => kestrel.ListenAnyIP(5001, listen => listen.UseHttps());
            }
            """;

        var test = CreateTest(startup, ReferenceSets.AspNetCore80);
        test.TestState.Sources.Add(("/Endpoints.cs", endpoints));
        await test.RunAsync();
    }

    [Fact]
    public async Task UseHttps_WindowsOnlyProject_NotReported()
    {
        var source = KestrelUsings + """
            class Startup
            {
                void Configure(KestrelServerOptions kestrel) => kestrel.ListenAnyIP(5001, listen => listen.UseHttps());
            }
            """;

        var test = CreateTest(source, ReferenceSets.AspNetCore80);
        test.AddGlobalConfig("build_property.TargetPlatformIdentifier = Windows");
        await test.RunAsync();
    }
}
