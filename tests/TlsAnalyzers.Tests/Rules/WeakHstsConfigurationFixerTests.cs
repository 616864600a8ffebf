using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TlsAnalyzers.Tests.Verifiers;
using Verify = TlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    TlsAnalyzers.Rules.WeakHstsConfigurationAnalyzer, TlsAnalyzers.CodeFixes.Rules.WeakHstsConfigurationFixer>;

namespace TlsAnalyzers.Tests.Rules;

public sealed class WeakHstsConfigurationFixerTests
{
    private const string MaxAgeKey = "TLS007.UseTwoYearMaxAge";
    private const string MoveKey = "TLS007.MoveUseHstsOutOfDevelopment";

    private const string StartupHeader = """
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.HttpsPolicy;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        public class Startup
        {

        """;

    [Fact]
    public async Task ShortMaxAge_BecomesTwoYears()
    {
        await Verify.VerifyCodeFixAsync(StartupHeader + """
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddHsts(options =>
                    {
                        options.Preload = true;
                        {|TLS007:options.MaxAge = TimeSpan.FromDays(30)|}; // keep this comment
                    });
                }
            }
            """, StartupHeader + """
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddHsts(options =>
                    {
                        options.Preload = true;
                        options.MaxAge = TimeSpan.FromDays(730); // keep this comment
                    });
                }
            }
            """, MaxAgeKey, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public async Task ShortMaxAge_WithoutUsingSystem_FullyQualifies()
    {
        await Verify.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.HttpsPolicy;

            public static class Defaults
            {
                public static HstsOptions Create() => new HstsOptions { {|TLS007:MaxAge = new System.TimeSpan(1, 0, 0)|} };
            }
            """, """
            using Microsoft.AspNetCore.HttpsPolicy;

            public static class Defaults
            {
                public static HstsOptions Create() => new HstsOptions { MaxAge = System.TimeSpan.FromDays(730) };
            }
            """, MaxAgeKey, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public async Task FixAll_SeveralShortMaxAges()
    {
        await Verify.VerifyCodeFixAsync(StartupHeader + """
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddHsts(options => {|TLS007:options.MaxAge = TimeSpan.FromHours(1)|});
                    services.Configure<HstsOptions>(options => {|TLS007:options.MaxAge = TimeSpan.FromSeconds(86400)|});
                }
            }
            """, StartupHeader + """
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(730));
                    services.Configure<HstsOptions>(options => options.MaxAge = TimeSpan.FromDays(730));
                }
            }
            """, MaxAgeKey, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public async Task DevelopmentOnly_WithoutElse_AddsElse()
    {
        await VerifyMoveAsync(StartupHeader + """
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                        {|TLS007:app.UseHsts()|};
                    }

                    app.UseHttpsRedirection();
                }
            }
            """, StartupHeader + """
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
                }
            }
            """);
    }

    [Fact]
    public async Task DevelopmentOnly_WithElse_AppendsToElse()
    {
        await VerifyMoveAsync(StartupHeader + """
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                        {|TLS007:app.UseHsts()|};
                    }
                    else
                    {
                        app.UseExceptionHandler("/Error");
                    }
                }
            }
            """, StartupHeader + """
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                    else
                    {
                        app.UseExceptionHandler("/Error");
                        app.UseHsts();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task DevelopmentOnly_OnlyStatement_NegatesCheck()
    {
        await VerifyMoveProgramAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                {|TLS007:app.UseHsts()|};
            }

            app.UseHttpsRedirection();
            app.Run();
            """, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            var app = WebApplication.Create(args);
            if (!app.Environment.IsDevelopment())
            {
                app.UseHsts();
            }

            app.UseHttpsRedirection();
            app.Run();
            """);
    }

    [Fact]
    public async Task DevelopmentOnly_EmbeddedStatement_NegatesCheck()
    {
        await VerifyMoveAsync(StartupHeader + """
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                        {|TLS007:app.UseHsts()|};

                    app.UseHttpsRedirection();
                }
            }
            """, StartupHeader + """
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
    public async Task DevelopmentOnly_CommentInBranch_KeepsBranch()
    {
        await VerifyMoveAsync(StartupHeader + """
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        // Local certificates come from dotnet dev-certs.
                        {|TLS007:app.UseHsts()|};
                    }
                }
            }
            """, StartupHeader + """
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        // Local certificates come from dotnet dev-certs.
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
    public async Task DevelopmentOnly_CommentBeforeNextStatement_StaysInBranch()
    {
        await VerifyMoveAsync(StartupHeader + """
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        // Developer tooling.
                        {|TLS007:app.UseHsts()|};
                        app.UseDeveloperExceptionPage();
                    }
                }
            }
            """, StartupHeader + """
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        // Developer tooling.
                        app.UseDeveloperExceptionPage();
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
    public async Task DevelopmentOnly_ElseOfNegatedCheck_MovesToThenBranch()
    {
        await VerifyMoveAsync(StartupHeader + """
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
            """, StartupHeader + """
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (!env.IsDevelopment())
                    {
                        app.UseExceptionHandler("/Error");
                        app.UseHsts();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task DevelopmentOnly_NestedDeeper_NoFix()
    {
        const string source = StartupHeader + """
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
            """;
        await VerifyMoveAsync(source, source);
    }

    [Fact]
    public async Task DevelopmentOnly_ElseIfChain_MovesAfterChain()
    {
        await VerifyMoveAsync(StartupHeader + """
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        {|TLS007:app.UseHsts()|};
                    }
                    else if (env.IsStaging())
                    {
                        app.UseExceptionHandler("/Error");
                    }
                }
            }
            """, StartupHeader + """
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (!env.IsDevelopment())
                    {
                        if (env.IsStaging())
                        {
                            app.UseExceptionHandler("/Error");
                        }
                        app.UseHsts();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task DevelopmentOnly_ElseIfChainWithDevelopmentWork_MovesIntoElse()
    {
        await VerifyMoveAsync(StartupHeader + """
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                        {|TLS007:app.UseHsts()|};
                    }
                    else if (env.IsStaging())
                    {
                        app.UseExceptionHandler("/Error");
                    }
                    else
                    {
                        app.UseExceptionHandler("/Error");
                    }
                }
            }
            """, StartupHeader + """
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                    else
                    {
                        if (env.IsStaging())
                        {
                            app.UseExceptionHandler("/Error");
                        }
                        else
                        {
                            app.UseExceptionHandler("/Error");
                        }
                        app.UseHsts();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task FixAll_TwoStartups_MovesBoth()
    {
        await VerifyMoveAsync(StartupHeader + """
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        {|TLS007:app.UseHsts()|};
                    }
                }

                public void ConfigureAdmin(IApplicationBuilder admin, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        admin.UseDeveloperExceptionPage();
                        {|TLS007:admin.UseHsts()|};
                    }
                }
            }
            """, StartupHeader + """
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (!env.IsDevelopment())
                    {
                        app.UseHsts();
                    }
                }

                public void ConfigureAdmin(IApplicationBuilder admin, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        admin.UseDeveloperExceptionPage();
                    }
                    else
                    {
                        admin.UseHsts();
                    }
                }
            }
            """);
    }

    private static Task VerifyMoveAsync(string source, string fixedSource) =>
        Verify.VerifyCodeFixAsync(source, fixedSource, MoveKey, ReferenceSets.AspNetCore80);

    private static Task VerifyMoveProgramAsync(string source, string fixedSource)
    {
        var test = Verify.CreateTest(source, fixedSource, MoveKey, ReferenceSets.AspNetCore80);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync(CancellationToken.None);
    }
}
