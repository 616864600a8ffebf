using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TlsAnalyzers.Rules;
using TlsAnalyzers.Tests.Verifiers;
using Verify = TlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<TlsAnalyzers.Rules.WeakHstsConfigurationAnalyzer>;

namespace TlsAnalyzers.Tests.Rules;

public sealed class WeakHstsConfigurationAnalyzerTests
{
    // The TimeSpan overloads that .NET 9 added are missing from the .NET 8 reference assemblies.
    private static readonly ReferenceAssemblies AspNetCore100 = new ReferenceAssemblies(
            "net10.0",
            new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"),
            System.IO.Path.Combine("ref", "net10.0"))
        .AddPackages([new PackageIdentity("Microsoft.AspNetCore.App.Ref", "10.0.12")]);

    private const string ServicesHeader = """
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.HttpsPolicy;
        using Microsoft.Extensions.DependencyInjection;

        public static class Services
        {
            public static void Add(IServiceCollection services)
            {

        """;

    private const string ServicesFooter = """

            }
        }
        """;

    [Theory]
    [InlineData("TimeSpan.FromDays(30)", "30 days (2592000 seconds)")]
    [InlineData("TimeSpan.FromDays(364)", "364 days (31449600 seconds)")]
    [InlineData("TimeSpan.FromHours(1)", "3600 seconds")]
    [InlineData("TimeSpan.FromMinutes(90)", "5400 seconds")]
    [InlineData("TimeSpan.FromSeconds(31535999)", "31535999 seconds")]
    [InlineData("TimeSpan.FromSeconds(0)", "0 days (0 seconds)")]
    [InlineData("TimeSpan.Zero", "0 days (0 seconds)")]
    [InlineData("new TimeSpan(180, 0, 0, 0)", "180 days (15552000 seconds)")]
    [InlineData("new TimeSpan(12, 0, 0)", "43200 seconds")]
    [InlineData("new TimeSpan(864000000000)", "1 day (86400 seconds)")]
    [InlineData("TimeSpan.FromDays(7.5)", "648000 seconds")]
    [InlineData("TimeSpan.FromDays(364.9)", "31527360 seconds")]
    [InlineData("TimeSpan.FromMilliseconds(86400000)", "1 day (86400 seconds)")]
    [InlineData("TimeSpan.FromTicks(864000000000)", "1 day (86400 seconds)")]
    [InlineData("default", "0 days (0 seconds)")]
    [InlineData("default(TimeSpan)", "0 days (0 seconds)")]
    [InlineData("new TimeSpan()", "0 days (0 seconds)")]
    public async Task AddHsts_ShortMaxAge_Reports(string value, string description)
    {
        var test = Verify.CreateTest(ServicesHeader + $$"""
                    services.AddHsts(options =>
                    {
                        options.Preload = true;
                        {|#0:options.MaxAge = {{value}}|};
                    });
            """ + ServicesFooter, ReferenceSets.AspNetCore80);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(WeakHstsConfigurationAnalyzer.Rule).WithLocation(0).WithArguments(
            $"HSTS max-age is {description}, shorter than one year, so browsers forget to insist on HTTPS too soon"));
        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("TimeSpan.FromDays(365)")]
    [InlineData("TimeSpan.FromDays(730)")]
    [InlineData("TimeSpan.FromSeconds(63072000)")]
    [InlineData("TimeSpan.FromHours(24 * 365)")]
    [InlineData("new TimeSpan(400, 0, 0, 0)")]
    [InlineData("new TimeSpan(365, 0, 0, 0)")]
    [InlineData("checked(TimeSpan.FromDays(int.MaxValue))")]
    [InlineData("new TimeSpan(int.MaxValue, 0, 0, 0)")]
    [InlineData("TimeSpan.MaxValue")]
    [InlineData("configuredMaxAge")]
    [InlineData("TimeSpan.FromDays(days)")]
    [InlineData("TimeSpan.Parse(\"30.00:00:00\")")]
    public async Task AddHsts_LongOrUnknownMaxAge_NoDiagnostic(string value)
    {
        await VerifyAsync(ServicesHeader + $$"""
                    var configuredMaxAge = TimeSpan.FromDays(30);
                    var days = 30;
                    services.AddHsts(options => options.MaxAge = {{value}});
            """ + ServicesFooter);
    }

    // .NET 9 added integer overloads with optional arguments: FromDays(int days, int hours = 0, ...) and
    // FromMilliseconds(long milliseconds, long microseconds = 0).
    [Theory]
    [InlineData("TimeSpan.FromMilliseconds(86400000)", "1 day (86400 seconds)")]
    [InlineData("TimeSpan.FromDays(30, 12)", "2635200 seconds")]
    [InlineData("TimeSpan.FromHours(1, 30)", "5400 seconds")]
    [InlineData("TimeSpan.FromSeconds(60, 500)", "60 seconds")]
    public async Task AddHsts_ShortMaxAgeNet10Overloads_Reports(string value, string description)
    {
        var test = Verify.CreateTest(ServicesHeader + $$"""
                    services.AddHsts(options => {|#0:options.MaxAge = {{value}}|});
            """ + ServicesFooter, AspNetCore100);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(WeakHstsConfigurationAnalyzer.Rule).WithLocation(0).WithArguments(
            $"HSTS max-age is {description}, shorter than one year, so browsers forget to insist on HTTPS too soon"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AddHsts_OneYearNet10Overload_NoDiagnostic()
    {
        var test = Verify.CreateTest(ServicesHeader + """
                    services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(364, 24));
            """ + ServicesFooter, AspNetCore100);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ConfigureHstsOptions_ShortMaxAge_Reports()
    {
        await VerifyAsync(ServicesHeader + """
                    services.Configure<HstsOptions>(options => {|TLS007:options.MaxAge = TimeSpan.FromDays(60)|});
            """ + ServicesFooter);
    }

    [Fact]
    public async Task ObjectInitializer_ShortMaxAge_Reports()
    {
        await VerifyAsync(ServicesHeader + """
                    var options = new HstsOptions { IncludeSubDomains = true, {|TLS007:MaxAge = TimeSpan.FromHours(12)|} };
            """ + ServicesFooter);
    }

    [Fact]
    public async Task AddHstsWithoutMaxAge_NoDiagnostic()
    {
        // The default MaxAge is 30 days. The project templates rely on it, so reporting it would flag every
        // template app; the rule reports only what the code sets.
        await VerifyAsync(ServicesHeader + """
                    services.AddHsts(options =>
                    {
                        options.IncludeSubDomains = true;
                        options.Preload = true;
                    });
            """ + ServicesFooter);
    }

    [Fact]
    public async Task UserTypeMaxAge_NoDiagnostic()
    {
        await VerifyAsync("""
            using System;

            namespace MyApp
            {
                public class HstsOptions
                {
                    public TimeSpan MaxAge { get; set; }
                }

                public static class Setup
                {
                    public static HstsOptions Create() => new HstsOptions { MaxAge = TimeSpan.FromDays(1) };
                }
            }
            """);
    }

    [Fact]
    public async Task ShortMaxAgeInDevelopmentOnly_NoDiagnostic()
    {
        // A short max-age keeps a developer's browser from pinning localhost to HTTPS. The else branch runs in
        // production, so the rule still checks it.
        await VerifyProgramAsync("""
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromMinutes(5));
            }
            else
            {
                builder.Services.AddHsts(options => {|TLS007:options.MaxAge = TimeSpan.FromDays(30)|});
            }
            """);
    }

    [Fact]
    public async Task UseHstsInDevelopmentOnly_Reports()
    {
        await VerifyProgramAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
                {|TLS007:app.UseHsts()|};
            }

            app.UseHttpsRedirection();
            app.Run();
            """);
    }

    [Fact]
    public async Task UseHstsInElseOfNegatedCheck_Reports()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (!env.IsDevelopment())
                    {
                        app.UseExceptionHandler("/Error");
                    }
                    else
                        {|TLS007:app.UseHsts()|};
                }
            }
            """);
    }

    [Fact]
    public async Task UseHstsNestedInDevelopmentBranch_Reports()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env, bool secure)
                {
                    if (env.IsDevelopment())
                    {
                        if (secure)
                        {
                            {|TLS007:app.UseHsts()|};
                        }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task TemplateShapes_NoDiagnostic()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public class Startup
            {
                public void Minimal(WebApplication app)
                {
                    if (!app.Environment.IsDevelopment())
                    {
                        app.UseExceptionHandler("/Error");
                        app.UseHsts();
                    }
                }

                public void Mvc(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                    else if (env.IsStaging())
                    {
                        app.UseHsts();
                    }
                    else
                    {
                        app.UseHsts();
                    }

                    app.UseHsts();
                }

                // HSTS in both branches: production sends it, so nothing is lost.
                public void Both(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseHsts();
                    }
                    else
                    {
                        app.UseHsts();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task LegacyHostingEnvironment_Reports()
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
                        {|TLS007:app.UseHsts()|};
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task ThirdPartyUseHstsInDevelopment_NoDiagnostic()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public static class OtherHsts
            {
                public static IApplicationBuilder UseHsts(this IApplicationBuilder app, int maxAge) => app;
            }

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseHsts(60);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task WithoutAspNetCore_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;

            public class HstsOptions
            {
                public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(1);
            }
            """, ReferenceSets.Net80);
    }

    [Fact]
    public async Task BrokenCode_NoException()
    {
        await VerifyAsync(ServicesHeader + """
                    services.AddHsts(options => options.MaxAge = TimeSpan.{|CS0117:FromYears|}(1));
                    services.AddHsts(options => options.MaxAge = TimeSpan.FromDays({|CS1503:"30"|}));
                    services.AddHsts(options => options.MaxAge = {|CS0029:30|});
                    services.AddHsts(options => options.MaxAge = TimeSpan.{|CS7036:FromDays|}());
                    services.AddHsts(options => {|TLS007:options.MaxAge = TimeSpan.FromDays(30)|}{|CS1026:|}{|CS1002:|}
            """ + ServicesFooter);
    }

    [Fact]
    public async Task OverflowingConstant_NoDiagnostic()
    {
        await VerifyAsync(ServicesHeader + """
                    services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(1e20));
                    services.AddHsts(options => options.MaxAge = new TimeSpan(int.MaxValue, int.MaxValue, 0, 0));
            """ + ServicesFooter);
    }

    [Fact]
    public async Task BrokenCode_IfWithoutCondition_NoException()
    {
        await VerifyProgramAsync("""
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHsts(options => options.MaxAge = TimeSpan.{|CS0117:FromDayz|}(30));
            builder.Services.AddHsts(options => options.MaxAge = TimeSpan.{|CS7036:FromDays|}());
            var app = builder.Build();
            if ({|CS1525:)|}
            {
                app.UseHsts();
            }

            if (app.Environment.{|CS1061:IsDevelopmen|}())
                app.UseHsts();
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
