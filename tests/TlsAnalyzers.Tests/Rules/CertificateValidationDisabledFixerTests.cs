using System.Threading.Tasks;
using TlsAnalyzers.CodeFixes.Rules;
using TlsAnalyzers.Tests.Verifiers;
using Verify = TlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    TlsAnalyzers.Rules.CertificateValidationDisabledAnalyzer,
    TlsAnalyzers.CodeFixes.Rules.CertificateValidationDisabledFixer>;

namespace TlsAnalyzers.Tests.Rules;

public sealed class CertificateValidationDisabledFixerTests
{
    private const string UseDefault = CertificateValidationDisabledFixer.UseDefaultValidationKey;
    private const string AcceptOnlyValid = CertificateValidationDisabledFixer.AcceptOnlyValidKey;

    private const string Usings = """
        using System;
        using System.IO;
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        """;

    [Fact]
    public Task UseDefault_RemovesAssignmentStatements()
    {
        var source = Usings + """
            class C
            {
                void M(HttpClientHandler handler)
                {
                    // Keep this comment.
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(s, c, ch, e) => true|};
                    ServicePointManager.ServerCertificateValidationCallback += {|TLS002:delegate { return true; }|};

                    handler.ServerCertificateCustomValidationCallback = {|TLS002:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|};
                    Console.WriteLine(handler);
                }
            }
            """;
        var fixedSource = Usings + """
            class C
            {
                void M(HttpClientHandler handler)
                {
                    // Keep this comment.

                    Console.WriteLine(handler);
                }
            }
            """;
        return Verify.VerifyCodeFixAsync(source, fixedSource, UseDefault);
    }

    [Fact]
    public Task UseDefault_RemovesNullCoalescingAssignment()
    {
        var source = Usings + """
            class C
            {
                void M(HttpClientHandler handler)
                {
                    handler.ServerCertificateCustomValidationCallback ??= {|TLS002:(m, c, ch, e) => true|};
                    Console.WriteLine(handler);
                }
            }
            """;
        var fixedSource = Usings + """
            class C
            {
                void M(HttpClientHandler handler)
                {
                    Console.WriteLine(handler);
                }
            }
            """;
        return Verify.VerifyCodeFixAsync(source, fixedSource, UseDefault);
    }

    [Fact]
    public Task UseDefault_IsTheFirstFix()
    {
        var source = Usings + """
            class C
            {
                void M() => Console.WriteLine(new HttpClientHandler { ServerCertificateCustomValidationCallback = {|TLS002:(m, c, ch, e) => true|} });
            }
            """;
        var fixedSource = Usings + """
            class C
            {
                void M() => Console.WriteLine(new HttpClientHandler { });
            }
            """;
        return Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public Task UseDefault_RemovesInitializerMembers()
    {
        var source = Usings + """
            class C
            {
                HttpClient M()
                {
                    var handler = new HttpClientHandler
                    {
                        UseProxy = false,
                        ServerCertificateCustomValidationCallback = {|TLS002:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|},
                        UseCookies = false,
                    };
                    var sockets = new SocketsHttpHandler
                    {
                        SslOptions = { RemoteCertificateValidationCallback = {|TLS002:(s, c, ch, e) => true|} },
                    };
                    return new HttpClient(handler);
                }
            }
            """;
        var fixedSource = Usings + """
            class C
            {
                HttpClient M()
                {
                    var handler = new HttpClientHandler
                    {
                        UseProxy = false,
                        UseCookies = false,
                    };
                    var sockets = new SocketsHttpHandler
                    {
                        SslOptions = { },
                    };
                    return new HttpClient(handler);
                }
            }
            """;
        return Verify.VerifyCodeFixAsync(source, fixedSource, UseDefault);
    }

    [Fact]
    public Task UseDefault_SslStream_DropsCallbackArgument()
    {
        var source = Usings + """
            class C
            {
                void M(Stream stream)
                {
                    var first = new SslStream(stream, false, {|TLS002:(s, c, ch, e) => true|});
                    var second = new SslStream(stream, false, {|TLS002:Accept|}, null);
                }

                static bool Accept(object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) => true;
            }
            """;
        var fixedSource = Usings + """
            class C
            {
                void M(Stream stream)
                {
                    var first = new SslStream(stream, false);
                    var second = new SslStream(stream, false, null, null);
                }

                static bool Accept(object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) => true;
            }
            """;
        return Verify.VerifyCodeFixAsync(source, fixedSource, UseDefault);
    }

    [Fact]
    public Task UseDefault_EmbeddedCode_BecomesEmptyBlock()
    {
        var source = Usings + """
            class C
            {
                void M(bool debug, Action<SslClientAuthenticationOptions> configure)
                {
                    if (debug) ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(s, c, ch, e) => true|};
                    Configure(options => options.RemoteCertificateValidationCallback = {|TLS002:(s, c, ch, e) => true|});
                }

                static void Configure(Action<SslClientAuthenticationOptions> configure) { }
            }
            """;
        var fixedSource = Usings + """
            class C
            {
                void M(bool debug, Action<SslClientAuthenticationOptions> configure)
                {
                    if (debug) { }
                    Configure(options => { });
                }

                static void Configure(Action<SslClientAuthenticationOptions> configure) { }
            }
            """;
        return Verify.VerifyCodeFixAsync(source, fixedSource, UseDefault);
    }

    [Fact]
    public Task UseDefault_NullableField_LosesInitializer()
    {
        var source = Usings + """
            #nullable enable
            class C
            {
                public RemoteCertificateValidationCallback? Field = {|TLS002:(s, c, ch, e) => true|};
                public RemoteCertificateValidationCallback? Property { get; set; } = {|TLS002:(s, c, ch, e) => true|};
            }
            """;
        var fixedSource = Usings + """
            #nullable enable
            class C
            {
                public RemoteCertificateValidationCallback? Field;
                public RemoteCertificateValidationCallback? Property { get; set; }
            }
            """;
        return Verify.VerifyCodeFixAsync(source, fixedSource, UseDefault);
    }

    [Fact]
    public Task AcceptOnlyValid_Lambdas_KeepParameterNames()
    {
        var source = Usings + """
            class C
            {
                void M(HttpClientHandler handler)
                {
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(sender, cert, chain, errors) => true|};
                    handler.ServerCertificateCustomValidationCallback = {|TLS002:(message, cert, chain, policyErrors) =>
                    {
                        Console.WriteLine(policyErrors); // log it
                        return true;
                    }|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:new RemoteCertificateValidationCallback((s, c, ch, e) => e == SslPolicyErrors.None || true)|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:delegate (object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) { return true; }|};
                }
            }
            """;
        var fixedSource = Usings + """
            class C
            {
                void M(HttpClientHandler handler)
                {
                    ServicePointManager.ServerCertificateValidationCallback = (sender, cert, chain, errors) => errors == SslPolicyErrors.None;
                    handler.ServerCertificateCustomValidationCallback = (message, cert, chain, policyErrors) =>
                    {
                        Console.WriteLine(policyErrors); // log it
                        return policyErrors == SslPolicyErrors.None;
                    };
                    ServicePointManager.ServerCertificateValidationCallback = new RemoteCertificateValidationCallback((s, c, ch, e) => e == SslPolicyErrors.None);
                    ServicePointManager.ServerCertificateValidationCallback = delegate (object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) { return e == SslPolicyErrors.None; };
                }
            }
            """;
        return Verify.VerifyCodeFixAsync(source, fixedSource, AcceptOnlyValid);
    }

    [Fact]
    public Task AcceptOnlyValid_Discards_GetNames()
    {
        var source = Usings + """
            class C
            {
                void M(Stream stream, SslPolicyErrors sslPolicyErrors)
                {
                    var ssl = new SslStream(stream, false, {|TLS002:(_, _, _, _) => true|});
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:delegate { return true; }|};
                }
            }
            """;
        var fixedSource = Usings + """
            class C
            {
                void M(Stream stream, SslPolicyErrors sslPolicyErrors)
                {
                    var ssl = new SslStream(stream, false, (_, _, _, sslPolicyErrors2) => sslPolicyErrors2 == SslPolicyErrors.None);
                    ServicePointManager.ServerCertificateValidationCallback = (sender, certificate, chain, sslPolicyErrors2) => { return sslPolicyErrors2 == SslPolicyErrors.None; };
                }
            }
            """;
        return Verify.VerifyCodeFixAsync(source, fixedSource, AcceptOnlyValid);
    }

    [Fact]
    public Task AcceptOnlyValid_AddsUsingWhenMissing()
    {
        var source = """
            class C
            {
                void M() => System.Net.ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(s, c, ch, e) => true|};
            }
            """;
        var fixedSource = """
            using System.Net.Security;

            class C
            {
                void M() => System.Net.ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => e == SslPolicyErrors.None;
            }
            """;
        return Verify.VerifyCodeFixAsync(source, fixedSource, AcceptOnlyValid);
    }

    [Fact]
    public Task AcceptOnlyValid_NotOfferedForMethodGroups()
    {
        var source = Usings + """
            class C
            {
                void M(Stream stream) => M2({|TLS002:Accept|});

                void M2(RemoteCertificateValidationCallback callback) { }

                static bool Accept(object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) => true;
            }
            """;
        var test = Verify.CreateTest(source, source, AcceptOnlyValid);
        return test.RunAsync();
    }

    // A `#if` inside the statement makes it differ between build configurations. A fix made in one configuration
    // would leave `#else => ...` without its statement in the other, so neither fix is offered.
    [Theory]
    [InlineData(UseDefault)]
    [InlineData(AcceptOnlyValid)]
    public Task Fixes_NotOfferedForSplitStatement(string key)
    {
        var source = Usings + """
            class C
            {
                void M(HttpClientHandler handler)
                {
                    handler.ServerCertificateCustomValidationCallback = {|TLS002:(m, c, ch, e)
            #if !RELEASE
                        => true|};
            #else
                        => e == SslPolicyErrors.None;
            #endif
                }
            }
            """;
        return Verify.VerifyCodeFixAsync(source, source, key);
    }

    [Fact]
    public Task UseDefault_NotOfferedForRequiredArgument()
    {
        // The parameter does not accept null and the method has no overload without it, so nothing can be removed.
        var source = Usings + """
            #nullable enable
            class C
            {
                void M() => Connect({|TLS002:Accept|});

                void Connect(RemoteCertificateValidationCallback callback) { }

                static bool Accept(object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) => true;
            }
            """;
        return Verify.VerifyCodeFixAsync(source, source, UseDefault);
    }

    [Fact]
    public Task UseDefault_TopLevelStatement_IsRemoved()
    {
        var source = """
            using System;
            using System.Net;

            ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(s, c, ch, e) => true|};
            Console.WriteLine("ready");
            """;
        var fixedSource = """
            using System;
            using System.Net;

            Console.WriteLine("ready");
            """;
        var test = Verify.CreateTest(source, fixedSource, UseDefault);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task Kestrel_Fixes()
    {
        var source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;

            class C
            {
                void M(WebApplicationBuilder builder)
                {
                    builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
                    {
                        {|TLS002:https.AllowAnyClientCertificate()|};
                        https.ClientCertificateValidation = {|TLS002:(cert, chain, errors) => true|};
                    }));
                    builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => {|TLS002:https.AllowAnyClientCertificate()|}));
                }
            }
            """;
        var fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;

            class C
            {
                void M(WebApplicationBuilder builder)
                {
                    builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
                    {
                    }));
                    builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => { }));
                }
            }
            """;
        return Verify.VerifyCodeFixAsync(source, fixedSource, UseDefault, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public Task Kestrel_AcceptOnlyValid()
    {
        var source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;

            class C
            {
                void M(WebApplicationBuilder builder) => builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(
                    https => https.ClientCertificateValidation = {|TLS002:(cert, chain, errors) => true|}));
            }
            """;
        var fixedSource = """
            using System.Net.Security;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;

            class C
            {
                void M(WebApplicationBuilder builder) => builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(
                    https => https.ClientCertificateValidation = (cert, chain, errors) => errors == SslPolicyErrors.None));
            }
            """;
        return Verify.VerifyCodeFixAsync(source, fixedSource, AcceptOnlyValid, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public Task NetFramework48_Fixes()
    {
        var source = """
            using System.Net;

            class C
            {
                void M()
                {
                    ServicePointManager.ServerCertificateValidationCallback += {|TLS002:delegate { return true; }|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(s, c, ch, e) => true|};
                }
            }
            """;
        var fixedSource = """
            using System.Net;
            using System.Net.Security;

            class C
            {
                void M()
                {
                    ServicePointManager.ServerCertificateValidationCallback += (sender, certificate, chain, sslPolicyErrors) => { return sslPolicyErrors == SslPolicyErrors.None; };
                    ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => e == SslPolicyErrors.None;
                }
            }
            """;
        return Verify.VerifyCodeFixAsync(source, fixedSource, AcceptOnlyValid, ReferenceSets.NetFramework48);
    }
}
