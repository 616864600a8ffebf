using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using TlsAnalyzers.CodeFixes.Rules;
using TlsAnalyzers.Infrastructure;
using TlsAnalyzers.Rules;
using TlsAnalyzers.Tests.Verifiers;
using Verify = TlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    TlsAnalyzers.Rules.MissingCipherSuitesPolicyAnalyzer,
    TlsAnalyzers.CodeFixes.Rules.MissingCipherSuitesPolicyFixer>;

namespace TlsAnalyzers.Tests.Rules;

public sealed class MissingCipherSuitesPolicyFixerTests
{
    private const string KestrelUsings = """
        using System;
        using System.Net.Security;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.Server.Kestrel.Core;
        using Microsoft.AspNetCore.Server.Kestrel.Https;

        """;

    private static Task VerifyAsync(string source, string fixedSource, ReferenceAssemblies? references = null) =>
        CreateTest(source, fixedSource, references).RunAsync();

    private static CSharpCodeFixVerifier<MissingCipherSuitesPolicyAnalyzer, MissingCipherSuitesPolicyFixer>.Test CreateTest(
        string source, string fixedSource, ReferenceAssemblies? references = null)
    {
        var test = Verify.CreateTest(source, fixedSource, MissingCipherSuitesPolicyFixer.EquivalenceKey, references);
        return test;
    }

    [Fact]
    public async Task Initializer_GetsGuardedPolicy()
    {
        var source = """
            using System.Net.Security;
            using System.Security.Authentication;

            class Server
            {
                SslServerAuthenticationOptions Create() => {|TLS004:new SslServerAuthenticationOptions|}
                {
                    // TLS 1.2 and 1.3 only.
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                };
            }
            """;
        var fixedSource = $$"""
            using System;
            using System.Net.Security;
            using System.Security.Authentication;

            class Server
            {
                SslServerAuthenticationOptions Create() => new SslServerAuthenticationOptions
                {
                    // TLS 1.2 and 1.3 only.
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    CipherSuitesPolicy = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(new[]
                    {
            {{CipherSuiteTestText.Lines("            ")}}
                    }),
                };
            }
            """;

        await VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task InitializerWithoutTrailingComma_KeepsLayout()
    {
        var source = """
            using System;
            using System.Net.Security;

            class Server
            {
                SslServerAuthenticationOptions Create() => {|TLS004:new SslServerAuthenticationOptions|}
                {
                    ClientCertificateRequired = false
                };
            }
            """;
        var fixedSource = $$"""
            using System;
            using System.Net.Security;

            class Server
            {
                SslServerAuthenticationOptions Create() => new SslServerAuthenticationOptions
                {
                    ClientCertificateRequired = false,
                    CipherSuitesPolicy = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(new[]
                    {
            {{CipherSuiteTestText.Lines("            ")}}
                    })
                };
            }
            """;

        await VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task NoInitializer_GetsInitializer()
    {
        var source = """
            using System;
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
        var fixedSource = $$"""
            using System;
            using System.Net.Security;
            using System.Threading.Tasks;

            class Server
            {
                async Task Run(SslStream stream)
                {
                    var options = new SslServerAuthenticationOptions()
                    {
                        CipherSuitesPolicy = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(new[]
                        {
            {{CipherSuiteTestText.Lines("                ")}}
                        }),
                    };
                    options.ClientCertificateRequired = false;
                    await stream.AuthenticateAsServerAsync(options);
                }
            }
            """;

        await VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task ModernProfile_WritesTls13SuitesOnly()
    {
        var source = """
            using System;
            using System.Net.Security;

            class Server
            {
                SslServerAuthenticationOptions Options { get; } = {|TLS004:new()|};
            }
            """;
        var fixedSource = $$"""
            using System;
            using System.Net.Security;

            class Server
            {
                SslServerAuthenticationOptions Options { get; } = new()
                {
                    CipherSuitesPolicy = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(new[]
                    {
            {{CipherSuiteTestText.Lines("            ", CipherSuiteProfile.Modern)}}
                    }),
                };
            }
            """;

        var test = CreateTest(source, fixedSource);
        test.AddEditorConfig("tls_analyzers.cipher_suite_profile = modern");
        await test.RunAsync();
    }

    [Fact]
    public async Task NetCoreApp31_GuardsWithRuntimeInformation()
    {
        var source = """
            using System.Net.Security;

            class Server
            {
                SslServerAuthenticationOptions Create() => {|TLS004:new SslServerAuthenticationOptions()|};
            }
            """;
        var fixedSource = $$"""
            using System.Net.Security;
            using System.Runtime.InteropServices;

            class Server
            {
                SslServerAuthenticationOptions Create() => new SslServerAuthenticationOptions()
                {
                    CipherSuitesPolicy = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? null : new CipherSuitesPolicy(new[]
                    {
            {{CipherSuiteTestText.Lines("            ")}}
                    }),
                };
            }
            """;

        await VerifyAsync(source, fixedSource, ReferenceAssemblies.NetCore.NetCoreApp31);
    }

    [Fact]
    public async Task FixAll_FixesEveryCreation()
    {
        var source = """
            using System;
            using System.Net.Security;

            class Server
            {
                SslServerAuthenticationOptions First() => {|TLS004:new SslServerAuthenticationOptions()|};

                SslServerAuthenticationOptions Second() => {|TLS004:new SslServerAuthenticationOptions|} { ClientCertificateRequired = true };
            }
            """;
        var fixedSource = $$"""
            using System;
            using System.Net.Security;

            class Server
            {
                SslServerAuthenticationOptions First() => new SslServerAuthenticationOptions()
                {
                    CipherSuitesPolicy = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(new[]
                    {
            {{CipherSuiteTestText.Lines("            ")}}
                    }),
                };

                SslServerAuthenticationOptions Second() => new SslServerAuthenticationOptions
                {
                    ClientCertificateRequired = true,
                    CipherSuitesPolicy = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(new[]
                    {
            {{CipherSuiteTestText.Lines("            ")}}
                    }),
                };
            }
            """;

        await VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task UseHttpsWithoutArguments_GetsCallback()
    {
        var source = KestrelUsings + """
            class Startup
            {
                void Configure(KestrelServerOptions kestrel)
                {
                    kestrel.ListenAnyIP(5001, listen => listen.{|TLS004:UseHttps|}());
                }
            }
            """;
        var fixedSource = KestrelUsings + $$"""
            class Startup
            {
                void Configure(KestrelServerOptions kestrel)
                {
                    kestrel.ListenAnyIP(5001, listen => listen.UseHttps(https =>
                    {
                        https.OnAuthenticate = (connection, sslOptions) =>
                        {
                            sslOptions.CipherSuitesPolicy = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(new[]
                            {
            {{CipherSuiteTestText.Lines("                    ")}}
                            });
                        };
                    }));
                }
            }
            """;

        await VerifyAsync(source, fixedSource, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public async Task UseHttpsWithFileName_ForwardsPassword()
    {
        var source = KestrelUsings + """
            class Startup
            {
                void Configure(ListenOptions listen) => listen.{|TLS004:UseHttps|}("cert.pfx");
            }
            """;
        var fixedSource = KestrelUsings + $$"""
            class Startup
            {
                void Configure(ListenOptions listen) => listen.UseHttps("cert.pfx", null, https =>
                {
                    https.OnAuthenticate = (connection, sslOptions) =>
                    {
                        sslOptions.CipherSuitesPolicy = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(new[]
                        {
            {{CipherSuiteTestText.Lines("                ")}}
                        });
                    };
                });
            }
            """;

        await VerifyAsync(source, fixedSource, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public async Task UseHttpsWithStore_ForwardsDefaults()
    {
        var source = KestrelUsings + """
            using System.Security.Cryptography.X509Certificates;

            class Startup
            {
                void Configure(ListenOptions listen) => listen.{|TLS004:UseHttps|}(StoreName.My, "localhost");
            }
            """;
        var fixedSource = KestrelUsings + $$"""
            using System.Security.Cryptography.X509Certificates;

            class Startup
            {
                void Configure(ListenOptions listen) => listen.UseHttps(StoreName.My, "localhost", false, StoreLocation.CurrentUser, https =>
                {
                    https.OnAuthenticate = (connection, sslOptions) =>
                    {
                        sslOptions.CipherSuitesPolicy = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(new[]
                        {
            {{CipherSuiteTestText.Lines("                ")}}
                        });
                    };
                });
            }
            """;

        await VerifyAsync(source, fixedSource, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public async Task ExpressionBodiedCallback_BecomesBlock()
    {
        var source = KestrelUsings + """
            class Startup
            {
                void Configure(KestrelServerOptions kestrel)
                {
                    kestrel.{|TLS004:ConfigureHttpsDefaults|}(https => https.CheckCertificateRevocation = true);
                }
            }
            """;
        var fixedSource = KestrelUsings + $$"""
            class Startup
            {
                void Configure(KestrelServerOptions kestrel)
                {
                    kestrel.ConfigureHttpsDefaults(https =>
                    {
                        https.CheckCertificateRevocation = true;
                        https.OnAuthenticate = (connection, sslOptions) =>
                        {
                            sslOptions.CipherSuitesPolicy = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(new[]
                            {
            {{CipherSuiteTestText.Lines("                    ")}}
                            });
                        };
                    });
                }
            }
            """;

        await VerifyAsync(source, fixedSource, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public async Task ExistingOnAuthenticate_GetsPolicyStatement()
    {
        var source = KestrelUsings + """
            class Startup
            {
                void Configure(ListenOptions listen)
                {
                    listen.{|TLS004:UseHttps|}(https =>
                    {
                        https.OnAuthenticate = (context, options) =>
                        {
                            options.AllowRenegotiation = false;
                        };
                    });
                }
            }
            """;
        var fixedSource = KestrelUsings + $$"""
            class Startup
            {
                void Configure(ListenOptions listen)
                {
                    listen.UseHttps(https =>
                    {
                        https.OnAuthenticate = (context, options) =>
                        {
                            options.AllowRenegotiation = false;
                            options.CipherSuitesPolicy = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(new[]
                            {
            {{CipherSuiteTestText.Lines("                    ")}}
                            });
                        };
                    });
                }
            }
            """;

        await VerifyAsync(source, fixedSource, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public async Task OptionsObject_GetsOnAuthenticate()
    {
        var source = KestrelUsings + """
            class Startup
            {
                void Configure(ListenOptions listen)
                {
                    listen.{|TLS004:UseHttps|}(new HttpsConnectionAdapterOptions { CheckCertificateRevocation = true });
                }
            }
            """;
        var fixedSource = KestrelUsings + $$"""
            class Startup
            {
                void Configure(ListenOptions listen)
                {
                    listen.UseHttps(new HttpsConnectionAdapterOptions
                    {
                        CheckCertificateRevocation = true,
                        OnAuthenticate = (connection, sslOptions) =>
                        {
                            sslOptions.CipherSuitesPolicy = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(new[]
                            {
            {{CipherSuiteTestText.Lines("                    ")}}
                            });
                        },
                    });
                }
            }
            """;

        await VerifyAsync(source, fixedSource, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public async Task FixAll_FixesEveryKestrelCall()
    {
        var source = KestrelUsings + """
            class Startup
            {
                void Configure(KestrelServerOptions kestrel)
                {
                    kestrel.ListenAnyIP(5001, listen => listen.{|TLS004:UseHttps|}());
                    kestrel.ListenAnyIP(5002, listen => listen.{|TLS004:UseHttps|}(https => https.CheckCertificateRevocation = true));
                }
            }
            """;
        var fixedSource = KestrelUsings + $$"""
            class Startup
            {
                void Configure(KestrelServerOptions kestrel)
                {
                    kestrel.ListenAnyIP(5001, listen => listen.UseHttps(https =>
                    {
                        https.OnAuthenticate = (connection, sslOptions) =>
                        {
                            sslOptions.CipherSuitesPolicy = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(new[]
                            {
            {{CipherSuiteTestText.Lines("                    ")}}
                            });
                        };
                    }));
                    kestrel.ListenAnyIP(5002, listen => listen.UseHttps(https =>
                    {
                        https.CheckCertificateRevocation = true;
                        https.OnAuthenticate = (connection, sslOptions) =>
                        {
                            sslOptions.CipherSuitesPolicy = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(new[]
                            {
            {{CipherSuiteTestText.Lines("                    ")}}
                            });
                        };
                    }));
                }
            }
            """;

        await VerifyAsync(source, fixedSource, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public async Task NamedArguments_NoFix()
    {
        var source = KestrelUsings + """
            class Startup
            {
                void Configure(ListenOptions listen) => listen.{|TLS004:UseHttps|}(fileName: "cert.pfx");
            }
            """;

        await VerifyAsync(source, source, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public async Task NamesInScope_GetSuffix()
    {
        var source = KestrelUsings + """
            class Startup
            {
                void Configure(ListenOptions listen, object https, object connection)
                {
                    listen.{|TLS004:UseHttps|}();
                }
            }
            """;
        var fixedSource = KestrelUsings + $$"""
            class Startup
            {
                void Configure(ListenOptions listen, object https, object connection)
                {
                    listen.UseHttps(https2 =>
                    {
                        https2.OnAuthenticate = (connection2, sslOptions) =>
                        {
                            sslOptions.CipherSuitesPolicy = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(new[]
                            {
            {{CipherSuiteTestText.Lines("                    ")}}
                            });
                        };
                    });
                }
            }
            """;

        await VerifyAsync(source, fixedSource, ReferenceSets.AspNetCore80);
    }
}
