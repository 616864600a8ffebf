using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TlsAnalyzers.Rules;
using TlsAnalyzers.Tests.Verifiers;
using Verify = TlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<TlsAnalyzers.Rules.MissingHstsAnalyzer>;

namespace TlsAnalyzers.Tests.Rules;

public sealed class MissingHstsAnalyzerTests
{
    private const string MinimalApiHeader = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();

        """;

    [Fact]
    public async Task MinimalApi_RedirectWithoutHsts_Reports()
    {
        await VerifyProgramAsync(MinimalApiHeader + """
            app.{|TLS006:UseHttpsRedirection()|};
            app.MapGet("/", () => "hello");
            app.Run();
            """);
    }

    [Fact]
    public async Task MinimalApi_TemplateShape_NoDiagnostic()
    {
        await VerifyProgramAsync(MinimalApiHeader + """
            if (!app.Environment.IsDevelopment())
            {
                app.UseExceptionHandler("/Error");
                app.UseHsts();
            }

            app.UseHttpsRedirection();
            app.Run();
            """);
    }

    [Fact]
    public async Task MinimalApi_HstsOnlyInDevelopment_NoDiagnostic()
    {
        // TLS007 reports this shape; TLS006 only asks whether the project adds HSTS at all.
        await VerifyProgramAsync(MinimalApiHeader + """
            if (app.Environment.IsDevelopment())
            {
                app.UseHsts();
            }

            app.UseHttpsRedirection();
            app.Run();
            """);
    }

    [Fact]
    public async Task StartupClass_WebHostEnvironment_Reports()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }

                    app.{|TLS006:UseHttpsRedirection()|};
                    app.UseRouting();
                }
            }
            """);
    }

    [Fact]
    public async Task StartupClass_LegacyHostingEnvironment_Reports()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;

            public class Startup
            {
            #pragma warning disable CS0618 // IHostingEnvironment is obsolete, and ASP.NET Core 2.x apps still use it.
                public void Configure(IApplicationBuilder app, IHostingEnvironment env)
            #pragma warning restore CS0618
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }

                    app.{|TLS006:UseHttpsRedirection()|};
                }
            }
            """);
    }

    [Fact]
    public async Task StartupClass_WithUseHsts_NoDiagnostic()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                    else
                    {
                        app.UseExceptionHandler("/Home/Error");
                        app.UseHsts();
                    }

                    app.UseHttpsRedirection();
                    app.UseStaticFiles();
                }
            }
            """);
    }

    [Fact]
    public async Task HstsInAnotherFile_NoDiagnostic()
    {
        var test = Verify.CreateTest(MinimalApiHeader + """
            app.UseHttpsRedirection();
            app.Run();
            """, ReferenceSets.AspNetCore80);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("SecurityHeaders.cs", """
            using Microsoft.AspNetCore.Builder;

            internal static class SecurityHeaders
            {
                // An extension method that nothing in this compilation calls still counts: the rule cannot follow
                // every call path, and a project that writes UseHsts has thought about HSTS.
                public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.UseHsts();
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("context.Response.Headers[\"Strict-Transport-Security\"] = \"max-age=63072000\";")]
    [InlineData("context.Response.Headers[\"strict-transport-security\"] = \"max-age=63072000\";")]
    [InlineData("context.Response.Headers[HeaderNames.StrictTransportSecurity] = \"max-age=63072000\";")]
    [InlineData("context.Response.Headers.StrictTransportSecurity = \"max-age=63072000\";")]
    [InlineData("context.Response.Headers.Append(\"Strict-Transport-Security\", \"max-age=63072000\");")]
    [InlineData("context.Response.Headers.Append(HeaderNames.StrictTransportSecurity, \"max-age=63072000\");")]
    [InlineData("context.Response.Headers.Add(\"Strict-Transport-Security\", \"max-age=63072000\");")]
    [InlineData("System.Collections.Generic.CollectionExtensions.TryAdd(\n"
        + "    context.Response.Headers, HeaderNames.StrictTransportSecurity, \"max-age=63072000\");")]
    public async Task HeaderWrittenByMiddleware_NoDiagnostic(string write)
    {
        await VerifyProgramAsync("using Microsoft.Net.Http.Headers;\n" + MinimalApiHeader + $$"""
            app.Use(async (context, next) =>
            {
                {{write}}
                await next(context);
            });
            app.UseHttpsRedirection();
            app.Run();
            """);
    }

    [Theory]
    [InlineData("context.Response.Headers[SecurityHeaderNames.Hsts] = \"max-age=63072000\";")]
    [InlineData("context.Response.Headers.Append(SecurityHeaderNames.Hsts, \"max-age=63072000\");")]
    [InlineData("context.Response.Headers.Append(SecurityHeaderNames.Joined, \"max-age=63072000\");")]
    [InlineData("context.Response.Headers?.Append(SecurityHeaderNames.Built, \"max-age=63072000\");")]
    [InlineData("(context.Response.Headers[SecurityHeaderNames.Sts]) = \"max-age=63072000\";")]
    [InlineData("(context.Response.Headers!.Append)(SecurityHeaderNames.Sts, \"max-age=63072000\");")]
    public async Task HeaderNameConstantInAnotherFile_NoDiagnostic(string write)
    {
        // Program.cs spells neither the header nor Hsts. Only the check before reporting, which looks at the uses of
        // constants whose value is the header name, finds these writes.
        var test = Verify.CreateTest(MinimalApiHeader + $$"""
            app.Use(async (context, next) =>
            {
                {{write}}
                await next(context);
            });
            app.UseHttpsRedirection();
            app.Run();
            """, ReferenceSets.AspNetCore80);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("SecurityHeaderNames.cs", """
            internal static class SecurityHeaderNames
            {
                public const string Hsts = "Strict-Transport-Security";
                public const string Joined = "Strict-" + "Transport-" + "Security";
                public const string Sts = Joined;
                public const string Built = Prefix + "Security";
                private const string Prefix = $"Strict-{Transport}-";
                private const string Transport = nameof(Transport);
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("context.Response.Headers?.Append(\"Strict-Transport-\" + \"Security\", \"max-age=63072000\");")]
    [InlineData("context.Response.Headers.Append($\"Strict-Transport-{nameof(Security)}\", \"max-age=63072000\");")]
    [InlineData("context.Response.Headers.Append(\"Strict-Transport-Se\\x63urity\", \"max-age=63072000\");")]
    [InlineData("const string Sts = \"Strict-Transport-Security\"; context.Response.Headers[Sts] = \"max-age=63072000\";")]
    public async Task HeaderNameBuiltInPlace_NoDiagnostic(string write)
    {
        await VerifyProgramAsync(MinimalApiHeader + $$"""
            app.Use(async (context, next) =>
            {
                {{write}}
                await next(context);
            });
            app.UseHttpsRedirection();
            app.Run();

            internal static class Security { }
            """);
    }

    [Fact]
    public async Task HeaderDictionaryInitializer_NoDiagnostic()
    {
        await VerifyProgramAsync(MinimalApiHeader + """
            var defaults = new HeaderDictionary
            {
                { "Strict-Transport-Security", "max-age=63072000" },
            };
            app.UseHttpsRedirection();
            app.Run();
            """);
    }

    [Fact]
    public async Task EscapedUseHsts_NoDiagnostic()
    {
        await VerifyProgramAsync(MinimalApiHeader + """
            app.UseH\u0073ts();
            app.UseHttpsRedirection();
            app.Run();
            """);
    }

    [Fact]
    public async Task HeaderNameConstantWrittenNowhere_Reports()
    {
        // A constant whose value is the header name is no header write, so the check before reporting still reports.
        await VerifyProgramAsync(MinimalApiHeader + """
            const string Hsts = "Strict-Transport-Security";
            var headers = new System.Collections.Generic.Dictionary<string, string>();
            headers.Add("X-Frame-Options", Hsts);
            app.{|TLS006:UseHttpsRedirection()|};
            app.Run();
            """);
    }

    [Fact]
    public async Task OtherHeaderWritten_Reports()
    {
        await VerifyProgramAsync("using Microsoft.Net.Http.Headers;\n" + MinimalApiHeader + """
            app.Use(async (context, next) =>
            {
                context.Response.Headers[HeaderNames.XFrameOptions] = "DENY";
                context.Response.Headers.Append("X-Content-Type-Options", "Strict-Transport-Security");
                await next(context);
            });
            app.{|TLS006:UseHttpsRedirection()|};
            app.Run();
            """);
    }

    [Fact]
    public async Task SecurityHeadersLibraryPolicy_NoDiagnostic()
    {
        var test = Verify.CreateTest(MinimalApiHeader + """
            app.UseHttpsRedirection();
            app.Run();

            // The shape of the security-headers libraries' policy builders, declared here so the test needs no package.
            internal sealed class HeaderPolicyCollection
            {
                public HeaderPolicyCollection AddStrictTransportSecurityMaxAgeIncludeSubDomains(int maxAgeInSeconds) => this;
            }

            internal static class Policies
            {
                public static HeaderPolicyCollection Create() =>
                    new HeaderPolicyCollection().AddStrictTransportSecurityMaxAgeIncludeSubDomains(63072000);
            }
            """, ReferenceSets.AspNetCore80);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ThirdPartyUseHsts_NoDiagnostic()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Builder;

            public static class NWebsecLikeExtensions
            {
                public static IApplicationBuilder UseHsts(this IApplicationBuilder app, System.Action<object> configure) => app;
            }

            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseHsts(options => { });
                    app.UseHttpsRedirection();
                }
            }
            """);
    }

    [Fact]
    public async Task MultipleRedirects_ReportsEach()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Builder;

            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.{|TLS006:UseHttpsRedirection()|};
                    app.Map("/api", api => api.{|TLS006:UseHttpsRedirection()|});
                }
            }

            public class AdminStartup
            {
                public void Configure(IApplicationBuilder app) => app.{|TLS006:UseHttpsRedirection()|};
            }
            """);
    }

    [Fact]
    public async Task CallChain_ReportsMethodNameOnly()
    {
        await VerifyProgramAsync(MinimalApiHeader + """
            app.UseRouting().{|TLS006:UseHttpsRedirection()|}.UseAuthorization();
            app.Run();
            """);
    }

    [Fact]
    public async Task StaticCallForm_Reports()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Builder;

            public class Startup
            {
                public void Configure(IApplicationBuilder app) => HttpsPolicyBuilderExtensions.{|TLS006:UseHttpsRedirection(app)|};
            }
            """);
    }

    [Fact]
    public async Task UserTypeWithFrameworkNames_NoDiagnostic()
    {
        await VerifyAsync("""
            namespace MyApp
            {
                public class Pipeline { }

                public static class HttpsPolicyBuilderExtensions
                {
                    public static Pipeline UseHttpsRedirection(this Pipeline pipeline) => pipeline;
                }

                public class Startup
                {
                    public void Configure(Pipeline app) => app.UseHttpsRedirection();
                }
            }
            """);
    }

    [Fact]
    public async Task WithoutAspNetCore_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void Configure(object app) { }
            }
            """, ReferenceSets.Net80);
    }

    [Fact]
    public async Task NetFramework_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync("""
            public static class HttpsPolicyBuilderExtensions
            {
                public static object UseHttpsRedirection(this object app) => app;
            }

            public class Startup
            {
                public void Configuration(object app) => app.UseHttpsRedirection();
            }
            """, ReferenceSets.NetFramework48);
    }

    [Fact]
    public async Task GeneratedCode_Reports()
    {
        var test = Verify.CreateTest("""
            // <auto-generated/>
            using Microsoft.AspNetCore.Builder;

            public static class GeneratedPipeline
            {
                public static void Configure(IApplicationBuilder app) => app.{|TLS006:UseHttpsRedirection()|};
            }
            """, ReferenceSets.AspNetCore80);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task BrokenCode_StillReports()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Builder;

            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.{|TLS006:UseHttpsRedirection()|}{|CS1002:|}
                    app.{|CS1061:UseHstsMissing|}();
                }{|CS1513:|}
            
            """);
    }

    [Fact]
    public async Task BrokenCode_UnresolvedReceiver_NoDiagnostic()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Builder;

            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    {|CS0103:missing|}.UseHttpsRedirection();
                    app.{|CS1501:UseHttpsRedirection|}(42{|CS1026:|}{|CS1002:|}
                }
            }
            """);
    }

    [Fact]
    public void Descriptor_IsCompilationEnd()
    {
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, MissingHstsAnalyzer.Rule.CustomTags);
        Assert.Contains(WellKnownDiagnosticTags.Telemetry, MissingHstsAnalyzer.Rule.CustomTags);
    }

    [Fact]
    public async Task UseHstsInInactiveReleaseBranch_NoDiagnostic()
    {
        // A build without PRODUCTION defined still ships HSTS in the builds that define it.
        await VerifyProgramAsync(MinimalApiHeader + """
            #if PRODUCTION
            app.UseHsts();
            #endif
            app.UseHttpsRedirection();
            app.Run();
            """);
    }

    [Fact]
    public async Task UseHstsOnlyInDebugBuilds_Reports()
    {
        await VerifyProgramAsync(MinimalApiHeader + """
            #if DEBUG
            app.UseHsts();
            #endif
            app.{|TLS006:UseHttpsRedirection()|};
            app.Run();
            """);
    }

    [Fact]
    public async Task UseHstsUnderIfFalse_Reports()
    {
        // `#if false` is how code gets switched off for good; no build compiles it.
        await VerifyProgramAsync(MinimalApiHeader + """
            #if false
            app.UseHsts();
            #elif DEBUG
            app.Urls.Add("http://localhost:5000"); // Strict-Transport-Security is sent by the proxy.
            #endif
            app.{|TLS006:UseHttpsRedirection()|};
            app.Run();
            """);
    }

    [Fact]
    public async Task HeaderNameInAList_Reports()
    {
        // Naming the header is not sending it: this list only forwards headers from a backend.
        await VerifyProgramAsync(MinimalApiHeader + """
            var forwarded = new System.Collections.Generic.List<string>();
            forwarded.Add("Strict-Transport-Security");
            forwarded.Add(Microsoft.Net.Http.Headers.HeaderNames.StrictTransportSecurity);
            app.{|TLS006:UseHttpsRedirection()|};
            app.Run();
            """);
    }

    private static Task VerifyAsync(string source) => Verify.VerifyAnalyzerAsync(source, ReferenceSets.AspNetCore80);

    private static Task VerifyProgramAsync(string source)
    {
        var test = Verify.CreateTest(source, ReferenceSets.AspNetCore80);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync(CancellationToken.None);
    }
}
