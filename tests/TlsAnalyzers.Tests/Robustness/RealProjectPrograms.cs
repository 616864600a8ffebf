using System.Collections.Immutable;
using System.Linq;

namespace TlsAnalyzers.Tests.Robustness;

/// <summary>
/// Small programs in the settings real projects use: nullable contexts, top-level statements, file-scoped
/// namespaces, global usings, <c>using static</c>, aliases, generated code, partial classes across files and user
/// types that share a framework type's name. The robustness tests run every analyzer on them; the fuzzer and the
/// fix check take them as input as well.
/// </summary>
internal static class RealProjectPrograms
{
    public static ImmutableArray<RealProjectProgram> Secure { get; } =
    [
        new("nullable contexts", IsWebProject: false, [("ClientFactory.cs", NullableContexts)]),
        new("top-level web app with HSTS", IsWebProject: true, [("Program.cs", TopLevelWebApp)]),
        new("file-scoped namespace and global usings", IsWebProject: false,
            [("GlobalUsings.cs", GlobalUsings), ("MailTransport.cs", FileScopedNamespace)]),
        new("using static and aliases", IsWebProject: false, [("Settings.cs", UsingStaticAndAliases)]),
        new("user types named like framework types", IsWebProject: true, [("Program.cs", ShadowingUserTypes)]),
        new("user types in a namespace that imports the framework", IsWebProject: false,
            [("Fakes.cs", ShadowingInNamespace)]),
        new("polyfill under a framework type's full name", IsWebProject: false, [("Polyfill.cs", FrameworkNamePolyfill)]),
    ];

    /// <summary>Insecure programs, with the IDs of the rules that must report them once those rules exist.</summary>
    public static ImmutableArray<RealProjectProgram> Insecure { get; } =
    [
        new("alias and using static, insecure", IsWebProject: false, [("LegacySettings.cs", InsecureAliases)],
            ["TLS001"]),
        new("generated code, partial class across files", IsWebProject: false,
            [("ServiceClient.g.cs", GeneratedClient), ("ServiceClient.cs", GeneratedClientPartner)],
            ["TLS001", "TLS002"]),
        new("partial class across files", IsWebProject: false,
            [("TlsServer.cs", PartialServerFields), ("TlsServer.Configure.cs", PartialServerConfigure)],
            ["TLS008"]),
    ];

    public static ImmutableArray<CorpusEntry> All { get; } =
        [.. Secure.Select(program => program.ToEntry()), .. Insecure.Select(program => program.ToEntry())];

    private const string NullableContexts = """
        #nullable enable
        using System;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Authentication;
        using System.Security.Cryptography.X509Certificates;

        namespace Contoso.Http;

        public static class ClientFactory
        {
            public static HttpClient Create(X509Certificate2? clientCertificate)
            {
                var handler = new HttpClientHandler
                {
                    SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    CheckCertificateRevocationList = true,
                };

                if (clientCertificate is not null)
                {
                    handler.ClientCertificates.Add(clientCertificate);
                }

                // Pinning on top of the platform's validation: errors still fail the handshake.
                handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) =>
                    errors == SslPolicyErrors.None && certificate?.Subject is { Length: > 0 };
                return new HttpClient(handler!);
            }

        #nullable disable
            public static string Describe(HttpClientHandler handler) => handler.SslProtocols.ToString();
        #nullable restore

            public static SslProtocols? Parse(string? text) =>
                Enum.TryParse<SslProtocols>(text, out var value) ? value : null;
        }
        """;

    private const string TopLevelWebApp = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(730);
            options.IncludeSubDomains = true;
            options.Preload = true;
        });

        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseHttpsRedirection();
        app.MapGet("/", () => "hello");
        app.Run();
        """;

    private const string GlobalUsings = """
        global using System.Net.Security;
        global using System.Security.Authentication;
        global using System.Security.Cryptography.X509Certificates;
        """;

    private const string FileScopedNamespace = """
        namespace Contoso.Mail;

        public sealed class MailTransport
        {
            public SslClientAuthenticationOptions CreateOptions(string host) => new()
            {
                TargetHost = host,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                CertificateRevocationCheckMode = X509RevocationMode.Online,
            };
        }
        """;

    private const string UsingStaticAndAliases = """
        using System.Net.Security;
        using static System.Security.Authentication.SslProtocols;
        using P = System.Security.Authentication.SslProtocols;
        using Handler = System.Net.Http.SocketsHttpHandler;

        namespace Contoso.Sockets;

        internal static class Settings
        {
            public static readonly P Protocols = Tls12 | Tls13;

            public static Handler CreateHandler() => new()
            {
                SslOptions = new SslClientAuthenticationOptions { EnabledSslProtocols = P.Tls13 },
            };

        #pragma warning disable SYSLIB0039 // The check names the legacy versions it rejects.
            public static bool IsLegacy(P protocols) => (protocols & (Tls | Tls11)) != 0;
        #pragma warning restore SYSLIB0039
        }
        """;

    // A web project: the implicit global usings import the framework types, and the user's types in the global
    // namespace win over them, so every use below binds to a user type.
    private const string ShadowingUserTypes = """
        var app = WebApplication.CreateBuilder(args).Build();
        app.UseHttpsRedirection();

        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, _, _, _) => true,
            CheckCertificateRevocationList = false,
            SslProtocols = SslProtocols.Ssl3,
        };
        ServicePointManager.SecurityProtocol = SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls;
        ServicePointManager.ServerCertificateValidationCallback = (_, _, _, _) => true;
        AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true);
        var server = new SslServerAuthenticationOptions { AllowRenegotiation = true, EncryptionPolicy = EncryptionPolicy.NoEncryption };
        var policy = new CipherSuitesPolicy(new[] { TlsCipherSuite.TLS_RSA_WITH_RC4_128_MD5 });
        var hsts = new HstsOptions { MaxAge = TimeSpan.Zero };
        var revocation = X509RevocationMode.NoCheck;
        app.Run();

        class WebApplication
        {
            public static WebApplication CreateBuilder(string[] args) => new();
            public WebApplication Build() => this;
            public void UseHttpsRedirection() { }
            public void Run() { }
        }

        class HttpClientHandler
        {
            public Func<object, object, object, object, bool>? ServerCertificateCustomValidationCallback { get; set; }
            public bool CheckCertificateRevocationList { get; set; }
            public SslProtocols SslProtocols { get; set; }
        }

        enum SslProtocols { Ssl3, Tls, Tls11 }

        enum SecurityProtocolType { Ssl3, Tls }

        static class ServicePointManager
        {
            public static SecurityProtocolType SecurityProtocol { get; set; }
            public static Func<object, object, object, object, bool>? ServerCertificateValidationCallback { get; set; }
        }

        static class AppContext
        {
            public static void SetSwitch(string name, bool value) { }
        }

        class SslServerAuthenticationOptions
        {
            public bool AllowRenegotiation { get; set; }
            public EncryptionPolicy EncryptionPolicy { get; set; }
        }

        enum EncryptionPolicy { RequireEncryption, AllowNoEncryption, NoEncryption }

        enum TlsCipherSuite { TLS_RSA_WITH_RC4_128_MD5 }

        class CipherSuitesPolicy(IEnumerable<TlsCipherSuite> suites)
        {
            public IEnumerable<TlsCipherSuite> Suites { get; } = suites;
        }

        class HstsOptions
        {
            public TimeSpan MaxAge { get; set; }
        }

        enum X509RevocationMode { NoCheck, Online }
        """;

    // Types of the enclosing namespace win over the using directives inside it.
    private const string ShadowingInNamespace = """
        namespace Contoso.Fakes
        {
            using System.Net.Http;
            using System.Net.Security;
            using System.Security.Authentication;

            internal enum SslProtocols { Ssl2, Ssl3, Tls, Default }

            internal sealed class HttpClientHandler
            {
                public SslProtocols SslProtocols { get; set; }
                public bool CheckCertificateRevocationList { get; set; }
            }

            internal sealed class SslStream
            {
                public void AuthenticateAsClient(string host, object certificates, SslProtocols protocols, bool checkRevocation) { }
            }

            internal static class Usage
            {
                public static void Run()
                {
                    var handler = new HttpClientHandler { SslProtocols = SslProtocols.Default, CheckCertificateRevocationList = false };
                    new SslStream().AuthenticateAsClient("host", null, SslProtocols.Ssl2 | SslProtocols.Ssl3, false);
                    _ = handler;
                }
            }
        }
        """;

    // Polyfill packages declare framework types in source. GetTypeByMetadataName then returns this class, so a rule
    // that expects the SecurityProtocolType enum finds a class without members while SslProtocols still resolves.
    private const string FrameworkNamePolyfill = """
        namespace System.Net
        {
            public class SecurityProtocolType { }
        }
        """;

    private const string InsecureAliases = """
        using System.Net.Security;
        using static System.Security.Authentication.SslProtocols;
        using P = System.Security.Authentication.SslProtocols;

        namespace Contoso.Legacy;

        internal static class LegacySettings
        {
        #pragma warning disable SYSLIB0039 // The legacy partner only speaks TLS 1.1.
            public static SslClientAuthenticationOptions Create(string host) => new()
            {
                TargetHost = host,
                EnabledSslProtocols = P.Tls11 | Tls12,
            };

            public static P Fallback => Tls;
        #pragma warning restore SYSLIB0039
        }
        """;

    private const string GeneratedClient = """
        // <auto-generated/>
        using System.Net;
        using System.Net.Http;

        namespace Contoso.Generated
        {
            public partial class ServiceClient
            {
                private static HttpClientHandler CreateHandler()
                {
        #pragma warning disable SYSLIB0014
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;
        #pragma warning restore SYSLIB0014
                    return new HttpClientHandler
                    {
                        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
                    };
                }
            }
        }
        """;

    private const string GeneratedClientPartner = """
        namespace Contoso.Generated
        {
            public partial class ServiceClient
            {
                public System.Net.Http.HttpClient Create() => new(CreateHandler());
            }
        }
        """;

    private const string PartialServerFields = """
        using System.Net.Security;

        namespace Contoso.Server;

        public partial class TlsServer
        {
            private readonly SslServerAuthenticationOptions options = new();
        }
        """;

    private const string PartialServerConfigure = """
        namespace Contoso.Server;

        public partial class TlsServer
        {
            public void Configure()
            {
                options.AllowRenegotiation = true;
            }
        }
        """;
}

/// <summary>A realistic program of one or more files.</summary>
/// <param name="ExpectedIds">IDs that rules must report in an insecure program; empty for a secure one.</param>
internal sealed record RealProjectProgram(
    string Name, bool IsWebProject, ImmutableArray<(string Name, string Text)> Files, ImmutableArray<string> ExpectedIds = default)
{
    public CorpusEntry ToEntry() => new(
        "realistic program: " + Name,
        [.. Files.Select(file => new CorpusFile(file.Name, file.Text))],
        IsWebProject);

    public override string ToString() => Name;
}
