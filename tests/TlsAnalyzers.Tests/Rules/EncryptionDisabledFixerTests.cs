using System.Threading.Tasks;
using TlsAnalyzers.CodeFixes.Rules;
using TlsAnalyzers.Tests.Verifiers;
using Verify = TlsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    TlsAnalyzers.Rules.EncryptionDisabledAnalyzer, TlsAnalyzers.CodeFixes.Rules.EncryptionDisabledFixer>;

namespace TlsAnalyzers.Tests.Rules;

public sealed class EncryptionDisabledFixerTests
{
    [Fact]
    public async Task RequireEncryption_FixAllKeepsEachSpelling()
    {
        const string source = """
            using System.Net.Security;
            using static System.Net.Security.EncryptionPolicy;

            class Options
            {
                void Configure(SslClientAuthenticationOptions client, SslServerAuthenticationOptions server)
                {
                    client.EncryptionPolicy = {|TLS009:EncryptionPolicy.NoEncryption|}; // peer without TLS
                    server.EncryptionPolicy = {|TLS009:System.Net.Security.EncryptionPolicy.AllowNoEncryption|};
                    client.EncryptionPolicy = {|TLS009:AllowNoEncryption|};
                    client.EncryptionPolicy = {|TLS009:(EncryptionPolicy)2|};
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Security;
            using static System.Net.Security.EncryptionPolicy;

            class Options
            {
                void Configure(SslClientAuthenticationOptions client, SslServerAuthenticationOptions server)
                {
                    client.EncryptionPolicy = EncryptionPolicy.RequireEncryption; // peer without TLS
                    server.EncryptionPolicy = System.Net.Security.EncryptionPolicy.RequireEncryption;
                    client.EncryptionPolicy = RequireEncryption;
                    client.EncryptionPolicy = RequireEncryption;
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, EncryptionDisabledFixer.RequireEncryptionKey);
    }

    [Fact]
    public async Task LambdaDefaultParameter_RequiresEncryption()
    {
        const string source = """
            using System;
            using System.Net.Security;

            class Options
            {
                Func<EncryptionPolicy, EncryptionPolicy> Pick = (EncryptionPolicy p = {|TLS009:EncryptionPolicy.NoEncryption|}) => p;
            }
            """;
        const string fixedSource = """
            using System;
            using System.Net.Security;

            class Options
            {
                Func<EncryptionPolicy, EncryptionPolicy> Pick = (EncryptionPolicy p = EncryptionPolicy.RequireEncryption) => p;
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, EncryptionDisabledFixer.RequireEncryptionKey);
    }

    [Fact]
    public async Task Cast_WithoutUsing_IsQualified()
    {
        const string source = """
            class Options
            {
                void Configure(System.Net.Security.SslClientAuthenticationOptions client)
                {
                    client.EncryptionPolicy = {|TLS009:(System.Net.Security.EncryptionPolicy)1|};
                }
            }
            """;
        const string fixedSource = """
            class Options
            {
                void Configure(System.Net.Security.SslClientAuthenticationOptions client)
                {
                    client.EncryptionPolicy = System.Net.Security.EncryptionPolicy.RequireEncryption;
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, EncryptionDisabledFixer.RequireEncryptionKey);
    }

    [Fact]
    public async Task Conditional_KeepsTheRequiredBranch()
    {
        const string source = """
            using System.Net.Security;

            class Options
            {
                bool weak;

                void Configure(SslClientAuthenticationOptions client, bool debug)
                {
                    client.EncryptionPolicy = debug ? {|TLS009:(EncryptionPolicy)1|} : EncryptionPolicy.RequireEncryption;
                    client.EncryptionPolicy = !weak ? EncryptionPolicy.RequireEncryption : {|TLS009:EncryptionPolicy.NoEncryption|};
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Security;

            class Options
            {
                bool weak;

                void Configure(SslClientAuthenticationOptions client, bool debug)
                {
                    client.EncryptionPolicy = EncryptionPolicy.RequireEncryption;
                    client.EncryptionPolicy = EncryptionPolicy.RequireEncryption;
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, EncryptionDisabledFixer.RequireEncryptionKey);
    }

    [Fact]
    public async Task Conditional_CallInCondition_Stays()
    {
        // Dropping the condition would drop the call, so only the weak branch changes. A property read from a call's
        // result counts as a call.
        const string source = """
            using System.Net.Security;

            class Options
            {
                static bool IsLegacyPeer() => false;

                static (bool Legacy, int Port) Peer() => (false, 443);

                void Configure(SslClientAuthenticationOptions client)
                {
                    client.EncryptionPolicy = IsLegacyPeer() ? {|TLS009:EncryptionPolicy.AllowNoEncryption|} : EncryptionPolicy.RequireEncryption;
                    client.EncryptionPolicy = Peer().Legacy ? {|TLS009:EncryptionPolicy.AllowNoEncryption|} : EncryptionPolicy.RequireEncryption;
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Security;

            class Options
            {
                static bool IsLegacyPeer() => false;

                static (bool Legacy, int Port) Peer() => (false, 443);

                void Configure(SslClientAuthenticationOptions client)
                {
                    client.EncryptionPolicy = IsLegacyPeer() ? EncryptionPolicy.RequireEncryption : EncryptionPolicy.RequireEncryption;
                    client.EncryptionPolicy = Peer().Legacy ? EncryptionPolicy.RequireEncryption : EncryptionPolicy.RequireEncryption;
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, EncryptionDisabledFixer.RequireEncryptionKey);
    }

    [Fact]
    public async Task CastToNullable_KeepsNullableType()
    {
        const string source = """
            using System.Net.Security;

            class Options
            {
                EncryptionPolicy? configured = /* lab */ {|TLS009:(EncryptionPolicy?)2|};
                EncryptionPolicy fallback = {|TLS009:(EncryptionPolicy?)1|} ?? default;
            }
            """;
        const string fixedSource = """
            using System.Net.Security;

            class Options
            {
                EncryptionPolicy? configured = /* lab */ (EncryptionPolicy?)EncryptionPolicy.RequireEncryption;
                EncryptionPolicy fallback = (EncryptionPolicy?)EncryptionPolicy.RequireEncryption ?? default;
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, EncryptionDisabledFixer.RequireEncryptionKey);
    }

    [Fact]
    public async Task DefaultFix_IsRequireEncryption()
    {
        const string source = """
            using System.IO;
            using System.Net.Security;

            class Client
            {
                SslStream Wrap(Stream inner) => new SslStream(inner, false, null, null, {|TLS009:EncryptionPolicy.NoEncryption|});
            }
            """;
        const string fixedSource = """
            using System.IO;
            using System.Net.Security;

            class Client
            {
                SslStream Wrap(Stream inner) => new SslStream(inner, false, null, null, EncryptionPolicy.RequireEncryption);
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task RequireEncryption_OnNetFramework()
    {
        const string source = """
            using System.IO;
            using System.Net.Security;

            class Client
            {
                SslStream Wrap(Stream inner) =>
                    new SslStream(inner, false, null, null, {|TLS009:EncryptionPolicy.AllowNoEncryption|});
            }
            """;
        const string fixedSource = """
            using System.IO;
            using System.Net.Security;

            class Client
            {
                SslStream Wrap(Stream inner) =>
                    new SslStream(inner, false, null, null, EncryptionPolicy.RequireEncryption);
            }
            """;

        await Verify.VerifyCodeFixAsync(
            source, fixedSource, EncryptionDisabledFixer.RequireEncryptionKey, ReferenceSets.NetFramework48);
    }

    [Fact]
    public async Task RemoveArgument_SslStreamConstructorOnNetFramework()
    {
        const string source = """
            using System.IO;
            using System.Net.Security;

            class Client
            {
                SslStream Wrap(Stream inner, RemoteCertificateValidationCallback validate)
                {
                    var first = new SslStream(inner, false, validate, null, {|TLS009:EncryptionPolicy.NoEncryption|});
                    var second = new SslStream(inner, true, validate, null, {|TLS009:EncryptionPolicy.AllowNoEncryption|});
                    return first;
                }
            }
            """;
        const string fixedSource = """
            using System.IO;
            using System.Net.Security;

            class Client
            {
                SslStream Wrap(Stream inner, RemoteCertificateValidationCallback validate)
                {
                    var first = new SslStream(inner, false, validate, null);
                    var second = new SslStream(inner, true, validate, null);
                    return first;
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(
            source, fixedSource, EncryptionDisabledFixer.RemoveArgumentKey, ReferenceSets.NetFramework48);
    }

    [Fact]
    public async Task RemoveArgument_NamedArgument()
    {
        const string source = """
            using System.IO;
            using System.Net.Security;

            class Client
            {
                SslStream Wrap(Stream inner) => new SslStream(
                    inner,
                    leaveInnerStreamOpen: false,
                    userCertificateValidationCallback: null,
                    userCertificateSelectionCallback: null,
                    encryptionPolicy: {|TLS009:EncryptionPolicy.NoEncryption|});
            }
            """;
        const string fixedSource = """
            using System.IO;
            using System.Net.Security;

            class Client
            {
                SslStream Wrap(Stream inner) => new SslStream(
                    inner,
                    leaveInnerStreamOpen: false,
                    userCertificateValidationCallback: null,
                    userCertificateSelectionCallback: null);
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, EncryptionDisabledFixer.RemoveArgumentKey);
    }

    [Fact]
    public async Task RemoveArgument_DropsCommentOnArgument()
    {
        // Pins today's behaviour: a comment inside the argument list that belongs to the removed argument goes too.
        const string source = """
            using System.IO;
            using System.Net.Security;

            class Client
            {
                SslStream Wrap(Stream inner) => new SslStream(
                    inner,
                    false,
                    null,
                    null,
                    // The lab reads the traffic.
                    {|TLS009:EncryptionPolicy.NoEncryption|}); // until the lab moves
            }
            """;
        const string fixedSource = """
            using System.IO;
            using System.Net.Security;

            class Client
            {
                SslStream Wrap(Stream inner) => new SslStream(
                    inner,
                    false,
                    null,
                    null); // until the lab moves
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, EncryptionDisabledFixer.RemoveArgumentKey);
    }

    [Fact]
    public async Task RemoveArgument_TargetTypedNewAndBaseCall()
    {
        const string source = """
            using System.IO;
            using System.Net.Security;

            class LabStream : SslStream
            {
                public LabStream(Stream inner)
                    : base(inner, false, null, null, {|TLS009:EncryptionPolicy.NoEncryption|})
                {
                }

                static SslStream Wrap(Stream inner)
                {
                    SslStream stream = new(inner, false, null, null, {|TLS009:(EncryptionPolicy)1|});
                    return stream;
                }
            }
            """;
        const string fixedSource = """
            using System.IO;
            using System.Net.Security;

            class LabStream : SslStream
            {
                public LabStream(Stream inner)
                    : base(inner, false, null, null)
                {
                }

                static SslStream Wrap(Stream inner)
                {
                    SslStream stream = new(inner, false, null, null);
                    return stream;
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, EncryptionDisabledFixer.RemoveArgumentKey);
    }

    [Fact]
    public async Task RemoveArgument_OptionalParameterDefaultingToRequire()
    {
        const string source = """
            using System.Net.Security;

            class Transport
            {
                void Open(string host, EncryptionPolicy policy = EncryptionPolicy.RequireEncryption) { }

                void Run() => Open("db", {|TLS009:EncryptionPolicy.NoEncryption|});
            }
            """;
        const string fixedSource = """
            using System.Net.Security;

            class Transport
            {
                void Open(string host, EncryptionPolicy policy = EncryptionPolicy.RequireEncryption) { }

                void Run() => Open("db");
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, EncryptionDisabledFixer.RemoveArgumentKey);
    }

    [Fact]
    public async Task RemoveArgument_NotOfferedForUserOverload()
    {
        // The overload without the parameter is user code that may pick any policy, so only RequireEncryption is
        // offered.
        const string source = """
            using System.Net.Security;

            class Transport
            {
                void Open(string host) { }

                void Open(string host, EncryptionPolicy policy) { }

                void Run() => Open("db", {|TLS009:EncryptionPolicy.NoEncryption|});
            }
            """;

        await Verify.VerifyCodeFixAsync(source, source, EncryptionDisabledFixer.RemoveArgumentKey);
    }

    [Fact]
    public async Task RemoveArgument_NotOfferedForProperty()
    {
        const string source = """
            using System.Net.Security;

            class Options
            {
                void Configure(SslClientAuthenticationOptions client) =>
                    client.EncryptionPolicy = {|TLS009:EncryptionPolicy.NoEncryption|};
            }
            """;

        await Verify.VerifyCodeFixAsync(source, source, EncryptionDisabledFixer.RemoveArgumentKey);
    }
}
