using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TlsAnalyzers.CodeFixes.Rules;
using TlsAnalyzers.Tests.Verifiers;
using Verify = TlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    TlsAnalyzers.Rules.WeakeningRuntimeSwitchAnalyzer, TlsAnalyzers.CodeFixes.Rules.WeakeningRuntimeSwitchFixer>;

namespace TlsAnalyzers.Tests.Rules;

public sealed class WeakeningRuntimeSwitchFixerTests
{
    [Fact]
    public async Task RemoveSwitch_FixAllOnNetFramework()
    {
        const string source = """
            using System;

            class Startup
            {
                void Configure()
                {
                    Console.WriteLine("start");
                    {|TLS010:AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true)|};
                    {|TLS010:AppContext.SetSwitch("Switch.System.ServiceModel.DontEnableSystemDefaultTlsVersions", true)|};
                    Console.WriteLine("done");
                }
            }
            """;
        const string fixedSource = """
            using System;

            class Startup
            {
                void Configure()
                {
                    Console.WriteLine("start");
                    Console.WriteLine("done");
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(
            source, fixedSource, WeakeningRuntimeSwitchFixer.RemoveSwitchKey, ReferenceSets.NetFramework48);
    }

    [Fact]
    public async Task RemoveSwitch_KeepsCommentAbove()
    {
        const string source = """
            using System;

            class Startup
            {
                void Configure()
                {
                    // The billing partner still runs SSL 3.0.
                    {|TLS010:AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true)|};
                    Console.WriteLine("done");
                }
            }
            """;
        const string fixedSource = """
            using System;

            class Startup
            {
                void Configure()
                {
                    // The billing partner still runs SSL 3.0.
                    Console.WriteLine("done");
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, WeakeningRuntimeSwitchFixer.RemoveSwitchKey);
    }

    [Fact]
    public async Task RemoveSwitch_NeighboursKeepComments()
    {
        const string source = """
            using System;

            class Startup
            {
                void Configure()
                {
                    Console.WriteLine("start");

                    // Legacy partner.
                    {|TLS010:AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true)|};
                    // Offline kiosks.
                    {|TLS010:AppContext.SetSwitch("System.Net.Security.NoRevocationCheckByDefault", true)|}; // until 2027

                    {|TLS010:AppContext.SetSwitch("Switch.System.Net.DontEnableSystemDefaultTlsVersions", true)|};
                }
            }
            """;
        const string fixedSource = """
            using System;

            class Startup
            {
                void Configure()
                {
                    Console.WriteLine("start");

                    // Legacy partner.
                    // Offline kiosks.
                    // until 2027

                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, WeakeningRuntimeSwitchFixer.RemoveSwitchKey);
    }

    [Fact]
    public async Task RemoveSwitch_SetsFalseWhereCallCannotGo()
    {
        const string source = """
            using System;

            class Startup
            {
                static void Legacy() => {|TLS010:AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true)|};

                Action later = () => {|TLS010:AppContext.SetSwitch("System.Net.Security.NoRevocationCheckByDefault", true)|};

                void Configure(bool legacy)
                {
                    if (legacy)
                        {|TLS010:AppContext.SetSwitch(isEnabled: true, switchName: "Switch.System.Net.DontEnableSystemDefaultTlsVersions")|};
                }
            }
            """;
        const string fixedSource = """
            using System;

            class Startup
            {
                static void Legacy() => AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", false);

                Action later = () => AppContext.SetSwitch("System.Net.Security.NoRevocationCheckByDefault", false);

                void Configure(bool legacy)
                {
                    if (legacy)
                        AppContext.SetSwitch(isEnabled: false, switchName: "Switch.System.Net.DontEnableSystemDefaultTlsVersions");
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, WeakeningRuntimeSwitchFixer.RemoveSwitchKey);
    }

    [Fact]
    public async Task RemoveSwitch_KeepsTrailingComment()
    {
        const string source = """
            using System;

            class Startup
            {
                void Configure()
                {
                    {|TLS010:AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true)|}; // SSL 3.0 partner
                    Console.WriteLine("done");
                }
            }
            """;
        const string fixedSource = """
            using System;

            class Startup
            {
                void Configure()
                {
                    // SSL 3.0 partner
                    Console.WriteLine("done");
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, WeakeningRuntimeSwitchFixer.RemoveSwitchKey);
    }

    [Fact]
    public async Task RemoveSwitch_KeepsRegionAndBlockComment()
    {
        const string source = """
            using System;

            class Startup
            {
                void Configure()
                {
                    #region Legacy
                    {|TLS010:AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true)|}; /* partner */
                    #endregion
                    Console.WriteLine("done");
                }
            }
            """;
        const string fixedSource = """
            using System;

            class Startup
            {
                void Configure()
                {
                    #region Legacy
                    /* partner */
                    #endregion
                    Console.WriteLine("done");
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, WeakeningRuntimeSwitchFixer.RemoveSwitchKey);
    }

    [Fact]
    public async Task RemoveSwitch_LastTopLevelStatementIsSetToFalse()
    {
        // A program whose top-level statements all go has no entry point left (CS5001).
        const string source = """
            using System;

            {|TLS010:AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true)|};

            class Helper
            {
            }
            """;
        const string fixedSource = """
            using System;

            AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", false);

            class Helper
            {
            }
            """;

        var test = Verify.CreateTest(source, fixedSource, WeakeningRuntimeSwitchFixer.RemoveSwitchKey);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public async Task RemoveSwitch_UnusualShapes()
    {
        const string source = """
            using System;
            using static System.AppContext;

            class Startup
            {
                const string Prefix = "Switch.System.Net.";
                const string Name = $"{Prefix}DontEnableSchUseStrongCrypto";
                static int DontEnableSchUseStrongCrypto;

                void Configure(bool legacy, IDisposable scope)
                {
                    {|TLS010:SetSwitch(isEnabled: true, switchName: Prefix + "DontEnableSystemDefaultTlsVersions")|};
                    {|TLS010:System.AppContext.SetSwitch(Name, !false)|}; {|TLS010:SetSwitch(Prefix + nameof(DontEnableSchUseStrongCrypto), true)|};
                    if (legacy) {|TLS010:AppContext.SetSwitch(Name, true)|}; else {|TLS010:AppContext.SetSwitch(Name, true)|};
                    using (scope) {|TLS010:AppContext.SetSwitch(Name, true)|};
                    Action onStart = () => { {|TLS010:AppContext.SetSwitch(Name, true)|}; };
            #if !DEBUG
                    {|TLS010:AppContext.SetSwitch(Name, true)|};
            #endif
                    Console.WriteLine();
                }
            }
            """;
        const string fixedSource = """
            using System;
            using static System.AppContext;

            class Startup
            {
                const string Prefix = "Switch.System.Net.";
                const string Name = $"{Prefix}DontEnableSchUseStrongCrypto";
                static int DontEnableSchUseStrongCrypto;

                void Configure(bool legacy, IDisposable scope)
                {
                    if (legacy) AppContext.SetSwitch(Name, false); else AppContext.SetSwitch(Name, false);
                    using (scope) AppContext.SetSwitch(Name, false);
                    Action onStart = () => { };
            #if !DEBUG
            #endif
                    Console.WriteLine();
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, WeakeningRuntimeSwitchFixer.RemoveSwitchKey);
    }

    [Fact]
    public async Task RemoveSwitch_TopLevelStatementAndSwitchSection()
    {
        const string source = """
            using System;

            {|TLS010:AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true)|};
            Console.WriteLine(args.Length);

            switch (args.Length)
            {
                case 0:
                    {|TLS010:AppContext.SetSwitch("Switch.System.Net.DontEnableSystemDefaultTlsVersions", true)|};
                    break;
            }
            """;
        const string fixedSource = """
            using System;

            Console.WriteLine(args.Length);

            switch (args.Length)
            {
                case 0:
                    break;
            }
            """;

        var test = Verify.CreateTest(source, fixedSource, WeakeningRuntimeSwitchFixer.RemoveSwitchKey);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public async Task DefaultFix_IsRemoveSwitch()
    {
        const string source = """
            using System;

            class Startup
            {
                void Configure()
                {
                    {|TLS010:AppContext.SetSwitch("Switch.System.ServiceModel.DisableUsingServicePointManagerSecurityProtocols", true)|};
                }
            }
            """;
        const string fixedSource = """
            using System;

            class Startup
            {
                void Configure()
                {
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, references: ReferenceSets.NetFramework48);
    }

    [Fact]
    public async Task SetSwitchToFalse_KeepsTheCall()
    {
        const string source = """
            using System;

            class Startup
            {
                const bool Legacy = true;

                void Configure()
                {
                    {|TLS010:AppContext.SetSwitch("Switch.System.Net.DontEnableSystemDefaultTlsVersions", Legacy)|}; // net462 app
                    {|TLS010:AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", true)|};
                }
            }
            """;
        const string fixedSource = """
            using System;

            class Startup
            {
                const bool Legacy = true;

                void Configure()
                {
                    AppContext.SetSwitch("Switch.System.Net.DontEnableSystemDefaultTlsVersions", false); // net462 app
                    AppContext.SetSwitch("Switch.System.Net.DontEnableSchUseStrongCrypto", false);
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(
            source, fixedSource, WeakeningRuntimeSwitchFixer.SetSwitchToFalseKey, ReferenceSets.NetFramework462);
    }
}
