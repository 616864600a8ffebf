using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TlsAnalyzers.Tests.Verifiers;
using Verify = TlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    TlsAnalyzers.Rules.MissingHstsAnalyzer, TlsAnalyzers.CodeFixes.Rules.MissingHstsFixer>;

namespace TlsAnalyzers.Tests.Rules;

public sealed class MissingHstsFixerTests
{
    private const string Key = "TLS006.AddUseHsts";

    private const string MinimalApiHeader = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();

        """;

    [Fact]
    public async Task MinimalApi_NoCheck_AddsGuardedUseHsts()
    {
        await VerifyProgramAsync(MinimalApiHeader + """
            app.{|TLS006:UseHttpsRedirection()|};
            app.MapGet("/", () => "hello");
            app.Run();
            """, MinimalApiHeader + """
            if (!app.Environment.IsDevelopment())
            {
                app.UseHsts();
            }

            app.UseHttpsRedirection();
            app.MapGet("/", () => "hello");
            app.Run();
            """);
    }

    [Fact]
    public async Task MinimalApi_CommentStaysWithRedirect()
    {
        await VerifyProgramAsync(MinimalApiHeader + """
            // Send every request to HTTPS.
            app.{|TLS006:UseHttpsRedirection()|}; // before routing
            app.Run();
            """, MinimalApiHeader + """
            if (!app.Environment.IsDevelopment())
            {
                app.UseHsts();
            }

            // Send every request to HTTPS.
            app.UseHttpsRedirection(); // before routing
            app.Run();
            """);
    }

    [Fact]
    public async Task MinimalApi_TemplateCheck_AddsToExistingBlock()
    {
        await VerifyProgramAsync(MinimalApiHeader + """
            if (!app.Environment.IsDevelopment())
            {
                app.UseExceptionHandler("/Error");
            }

            app.{|TLS006:UseHttpsRedirection()|};
            app.Run();
            """, MinimalApiHeader + """
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
    public async Task MinimalApi_MissingUsing_AddsUsing()
    {
        await VerifyProgramAsync("""
            using Microsoft.AspNetCore.Builder;

            var app = WebApplication.Create(args);

            // Send every request to HTTPS.
            app.{|TLS006:UseHttpsRedirection()|};
            app.Run();
            """, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            var app = WebApplication.Create(args);

            if (!app.Environment.IsDevelopment())
            {
                app.UseHsts();
            }

            // Send every request to HTTPS.
            app.UseHttpsRedirection();
            app.Run();
            """);
    }

    [Fact]
    public async Task Startup_DevelopmentCheckWithoutElse_AddsElse()
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
            """, """
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
                        app.UseHsts();
                    }

                    app.UseHttpsRedirection();
                    app.UseRouting();
                }
            }
            """);
    }

    [Fact]
    public async Task Startup_MvcTemplateElse_AppendsToElse()
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
                        app.UseExceptionHandler("/Home/Error"); // MVC template
                    }

                    app.{|TLS006:UseHttpsRedirection()|};
                    app.UseStaticFiles();
                }
            }
            """, """
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
                        app.UseExceptionHandler("/Home/Error"); // MVC template
                        app.UseHsts();
                    }

                    app.UseHttpsRedirection();
                    app.UseStaticFiles();
                }
            }
            """);
    }

    [Fact]
    public async Task Startup_EnvironmentParameter_AddsGuardAndUsing()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.{|TLS006:UseHttpsRedirection()|};
                }
            }
            """, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (!env.IsDevelopment())
                    {
                        app.UseHsts();
                    }

                    app.UseHttpsRedirection();
                }
            }
            """);
    }

    [Fact]
    public async Task Startup_LegacyHostingEnvironment_AddsGuard()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;

            #pragma warning disable CS0618 // IHostingEnvironment is obsolete, and ASP.NET Core 2.x apps still use it.
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IHostingEnvironment env)
                {
                    app.{|TLS006:UseHttpsRedirection()|};
                }
            }
            """, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;

            #pragma warning disable CS0618 // IHostingEnvironment is obsolete, and ASP.NET Core 2.x apps still use it.
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IHostingEnvironment env)
                {
                    if (!env.IsDevelopment())
                    {
                        app.UseHsts();
                    }

                    app.UseHttpsRedirection();
                }
            }
            """);
    }

    [Fact]
    public async Task Startup_EnvironmentProperty_AddsGuard()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public class Startup(IWebHostEnvironment environment)
            {
                public IWebHostEnvironment Environment { get; } = environment;

                public void Configure(IApplicationBuilder app)
                {
                    app.{|TLS006:UseHttpsRedirection()|};
                }
            }
            """, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public class Startup(IWebHostEnvironment environment)
            {
                public IWebHostEnvironment Environment { get; } = environment;

                public void Configure(IApplicationBuilder app)
                {
                    if (!environment.IsDevelopment())
                    {
                        app.UseHsts();
                    }

                    app.UseHttpsRedirection();
                }
            }
            """);
    }

    [Fact]
    public async Task NoEnvironmentInScope_AddsUnguardedUseHsts()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Builder;

            public static class Pipeline
            {
                public static void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.{|TLS006:UseHttpsRedirection()|};
                }
            }
            """, """
            using Microsoft.AspNetCore.Builder;

            public static class Pipeline
            {
                public static void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseHsts();
                    app.UseHttpsRedirection();
                }
            }
            """);
    }

    [Fact]
    public async Task InsideProductionBranch_AddsUnguardedUseHsts()
    {
        await VerifyProgramAsync(MinimalApiHeader + """
            if (!app.Environment.IsDevelopment())
            {
                app.UseHttpsRedirection{|TLS006:|}();
            }

            app.Run();
            """.Replace("app.UseHttpsRedirection{|TLS006:|}()", "app.{|TLS006:UseHttpsRedirection()|}"), MinimalApiHeader + """
            if (!app.Environment.IsDevelopment())
            {
                app.UseHsts();
                app.UseHttpsRedirection();
            }

            app.Run();
            """);
    }

    [Fact]
    public async Task CallChain_RedirectLast_InsertsBeforeStatement()
    {
        await VerifyProgramAsync(MinimalApiHeader + """
            app.UseRouting().{|TLS006:UseHttpsRedirection()|};
            app.Run();
            """, MinimalApiHeader + """
            if (!app.Environment.IsDevelopment())
            {
                app.UseHsts();
            }

            app.UseRouting().UseHttpsRedirection();
            app.Run();
            """);
    }

    [Fact]
    public async Task CallChain_RedirectFirst_InsertsBeforeStatement()
    {
        await VerifyProgramAsync(MinimalApiHeader + """
            // Static files are served over HTTPS only.
            app.{|TLS006:UseHttpsRedirection()|}
                .UseStaticFiles()
                .UseRouting();
            app.Run();
            """, MinimalApiHeader + """
            if (!app.Environment.IsDevelopment())
            {
                app.UseHsts();
            }

            // Static files are served over HTTPS only.
            app.UseHttpsRedirection()
                .UseStaticFiles()
                .UseRouting();
            app.Run();
            """);
    }

    [Fact]
    public async Task CallChain_InStartupProductionBranch_AddsUnguarded()
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
                        app.UseExceptionHandler("/Error")
                            .{|TLS006:UseHttpsRedirection()|};
                    }
                }
            }
            """, """
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
                        app.UseHsts();
                        app.UseExceptionHandler("/Error")
                            .UseHttpsRedirection();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task CallChain_StartsAtNewPipeline_NoFix()
    {
        // app.New() builds a second pipeline, so UseHsts on app would not reach the redirect.
        const string source = """
            using Microsoft.AspNetCore.Builder;

            public static class Pipeline
            {
                public static IApplicationBuilder Branch(IApplicationBuilder app)
                {
                    var branch = app.New();
                    app.New().{|TLS006:UseHttpsRedirection()|};
                    return branch;
                }
            }
            """;
        await VerifyAsync(source, source);
    }

    [Fact]
    public async Task CallChain_ResultAssigned_NoFix()
    {
        const string source = MinimalApiHeader + """
            var pipeline = app.{|TLS006:UseHttpsRedirection()|}.UseStaticFiles();
            app.Run();
            """;
        await VerifyProgramAsync(source, source);
    }

    [Fact]
    public async Task AfterDebugOnlyBlock_InsertsOutsideIt()
    {
        // With DEBUG defined, #endif belongs to the redirect's leading trivia, so a careless insertion lands
        // inside the debug-only block and release builds get no HSTS.
        const string Header = "#define DEBUG\n" + MinimalApiHeader;
        await VerifyProgramAsync(Header + """
            #if DEBUG
            app.UseDeveloperExceptionPage();
            #endif
            // Send every request to HTTPS.
            app.{|TLS006:UseHttpsRedirection()|};
            app.Run();
            """, Header + """
            #if DEBUG
            app.UseDeveloperExceptionPage();
            #endif
            if (!app.Environment.IsDevelopment())
            {
                app.UseHsts();
            }

            // Send every request to HTTPS.
            app.UseHttpsRedirection();
            app.Run();
            """);
    }

    [Fact]
    public async Task CheckBeforeAppDeclared_AddsNewGuard()
    {
        // The builder's check runs before `app` exists, so UseHsts cannot go into it.
        const string Header = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            if (!builder.Environment.IsDevelopment())
            {
                builder.Services.AddHsts(options => options.Preload = true);
            }

            var app = builder.Build();

            """;
        await VerifyProgramAsync(Header + """
            app.{|TLS006:UseHttpsRedirection()|};
            app.Run();
            """, Header + """
            if (!app.Environment.IsDevelopment())
            {
                app.UseHsts();
            }

            app.UseHttpsRedirection();
            app.Run();
            """);
    }

    [Fact]
    public async Task BrokenCode_MissingSemicolon_NoFixNoException()
    {
        const string source = MinimalApiHeader + """
            app.{|TLS006:UseHttpsRedirection()|}{|CS1002:|}
            app.Run();
            """;
        await VerifyProgramAsync(source, source);
    }

    [Fact]
    public async Task FixAll_TwoAppsSharingOneCheck_AddsUseHstsToEach()
    {
        const string Header = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            var app = WebApplication.CreateBuilder(args).Build();
            var admin = WebApplication.CreateBuilder(args).Build();

            """;
        var test = CreateTest(Header + """
            if (!app.Environment.IsDevelopment())
            {
                app.UseExceptionHandler("/Error");
            }

            app.{|TLS006:UseHttpsRedirection()|};
            admin.{|TLS006:UseHttpsRedirection()|};
            """, Header + """
            if (!app.Environment.IsDevelopment())
            {
                app.UseExceptionHandler("/Error");
                app.UseHsts();
            }

            app.UseHttpsRedirection();
            admin.UseHttpsRedirection();
            """);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.BatchFixedState.Sources.Add(Header + """
            if (!app.Environment.IsDevelopment())
            {
                app.UseExceptionHandler("/Error");
                app.UseHsts();
                admin.UseHsts();
            }

            app.UseHttpsRedirection();
            admin.UseHttpsRedirection();
            """);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ExpressionBodiedLambda_AddsBlockBody()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.Map("/api", api => api.{|TLS006:UseHttpsRedirection()|});
                }
            }
            """, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.Map("/api", api =>
                    {
                        if (!env.IsDevelopment())
                        {
                            api.UseHsts();
                        }

                        api.UseHttpsRedirection();
                    });
                }
            }
            """);
    }

    [Fact]
    public async Task StaticCallForm_NoFix()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;

            public static class Pipeline
            {
                public static void Configure(IApplicationBuilder app)
                {
                    HttpsPolicyBuilderExtensions.{|TLS006:UseHttpsRedirection(app)|};
                }
            }
            """;
        await VerifyAsync(source, source);
    }

    [Fact]
    public async Task FileWithoutUsings_AddsFirstUsing()
    {
        var test = CreateTest("""
            // Startup for the admin site.
            public class Startup
            {
                public void Configure(IApplicationBuilder app, Microsoft.AspNetCore.Hosting.IWebHostEnvironment env)
                {
                    app.{|TLS006:UseHttpsRedirection()|};
                }
            }
            """, """
            // Startup for the admin site.
            using Microsoft.Extensions.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, Microsoft.AspNetCore.Hosting.IWebHostEnvironment env)
                {
                    if (!env.IsDevelopment())
                    {
                        app.UseHsts();
                    }

                    app.UseHttpsRedirection();
                }
            }
            """);
        test.TestState.Sources.Add(("GlobalUsings.cs", "global using Microsoft.AspNetCore.Builder;\n"));
        test.FixedState.Sources.Add(("GlobalUsings.cs", "global using Microsoft.AspNetCore.Builder;\n"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FixAll_TwoPipelines_AddsUseHstsToEach()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;

            public static class Pipelines
            {
                public static void ConfigureApi(IApplicationBuilder app)
                {
                    app.{|TLS006:UseHttpsRedirection()|};
                }

                public static void ConfigureAdmin(IApplicationBuilder admin)
                {
                    admin.{|TLS006:UseHttpsRedirection()|};
                }
            }
            """;
        var test = CreateTest(source, """
            using Microsoft.AspNetCore.Builder;

            public static class Pipelines
            {
                public static void ConfigureApi(IApplicationBuilder app)
                {
                    app.UseHsts();
                    app.UseHttpsRedirection();
                }

                public static void ConfigureAdmin(IApplicationBuilder admin)
                {
                    admin.UseHttpsRedirection();
                }
            }
            """);

        // One fix adds HSTS to the project, which clears the other diagnostic; FixAll gives every pipeline HSTS.
        test.BatchFixedState.Sources.Add("""
            using Microsoft.AspNetCore.Builder;

            public static class Pipelines
            {
                public static void ConfigureApi(IApplicationBuilder app)
                {
                    app.UseHsts();
                    app.UseHttpsRedirection();
                }

                public static void ConfigureAdmin(IApplicationBuilder admin)
                {
                    admin.UseHsts();
                    admin.UseHttpsRedirection();
                }
            }
            """);
        await test.RunAsync(CancellationToken.None);
    }

    private static Task VerifyAsync(string source, string fixedSource) =>
        CreateTest(source, fixedSource).RunAsync(CancellationToken.None);

    private static Task VerifyProgramAsync(string source, string fixedSource)
    {
        var test = CreateTest(source, fixedSource);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync(CancellationToken.None);
    }

    // TLS006 is reported at compilation end. Such a diagnostic reaches a code fix only once the whole compilation
    // has been analyzed (a build, dotnet format, full-solution analysis in the IDE), and the testing library
    // rejects such a fix unless the test marks it as intended.
    private static Verify.Test CreateTest(string source, string fixedSource)
    {
        var test = Verify.CreateTest(source, fixedSource, Key, ReferenceSets.AspNetCore80);
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        return test;
    }
}
