using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using TlsAnalyzers.Rules;
using TlsAnalyzers.Tests.Verifiers;
using Verify = TlsAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<TlsAnalyzers.Rules.CertificateValidationDisabledAnalyzer>;

namespace TlsAnalyzers.Tests.Rules;

public sealed class CertificateValidationDisabledAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;
        using System.Net.Sockets;
        using System.Net.WebSockets;
        using System.Security.Cryptography.X509Certificates;

        """;

    [Theory]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(sender, cert, chain, errors) => true|};")]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback += {|TLS002:(sender, cert, chain, errors) => true|};")]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = {|TLS002:delegate { return true; }|};")]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(_, _, _, _) => true|};")]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = {|TLS002:static (s, c, ch, e) => { Console.WriteLine(e); return true; }|};")]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(s, c, ch, e) => e == SslPolicyErrors.None || true|};")]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(s, c, ch, e) => !false|};")]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(s, c, ch, e) => e != SslPolicyErrors.None ? true : true|};")]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(s, c, ch, e) => { if (e != SslPolicyErrors.None) { return true; } return true; }|};")]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = {|TLS002:new RemoteCertificateValidationCallback((s, c, ch, e) => true)|};")]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(RemoteCertificateValidationCallback)((s, c, ch, e) => true)|};")]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = {|TLS002:delegate (object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) { return true; }|};")]
    [InlineData("var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = {|TLS002:(m, c, ch, e) => true|} };")]
    [InlineData("var handler = new HttpClientHandler(); handler.ServerCertificateCustomValidationCallback = {|TLS002:(m, c, ch, e) => true|};")]
    [InlineData("var handler = new HttpClientHandler(); handler.ServerCertificateCustomValidationCallback ??= {|TLS002:(m, c, ch, e) => true|};")]
    [InlineData("var handler = new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = {|TLS002:(s, c, ch, e) => true|} } };")]
    [InlineData("var handler = new SocketsHttpHandler(); handler.SslOptions.RemoteCertificateValidationCallback = {|TLS002:delegate { return true; }|};")]
    [InlineData("var options = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = {|TLS002:(s, c, ch, e) => true|} };")]
    [InlineData("var options = new SslServerAuthenticationOptions { RemoteCertificateValidationCallback = {|TLS002:(s, c, ch, e) => true|} };")]
    [InlineData("var ssl = new SslStream(new NetworkStream(new Socket(SocketType.Stream, ProtocolType.Tcp)), false, {|TLS002:(s, c, ch, e) => true|});")]
    [InlineData("var ssl = new SslStream(System.IO.Stream.Null, false, {|TLS002:(s, c, ch, e) => true|}, null);")]
    [InlineData("var ws = new ClientWebSocket(); ws.Options.RemoteCertificateValidationCallback = {|TLS002:(s, c, ch, e) => true|};")]
    [InlineData("var request = (HttpWebRequest)WebRequest.Create(\"https://localhost\"); request.ServerCertificateValidationCallback = {|TLS002:(s, c, ch, e) => true|};")]
    public Task InPlaceCallback_AcceptingEverything_IsReported(string statement)
    {
        return Verify.VerifyAnalyzerAsync(Wrap(statement));
    }

    [Theory]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => e == SslPolicyErrors.None;")]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => false;")]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => c?.GetCertHashString() == \"AB12\";")]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => { if (e != SslPolicyErrors.None) throw new InvalidOperationException(); return true; };")]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => { if (e == SslPolicyErrors.None) return true; return false; };")]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => e == SslPolicyErrors.None || c is null;")]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => throw new NotSupportedException();")]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback -= (s, c, ch, e) => true;")]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = null;")]
    [InlineData("var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = null };")]
    [InlineData("Func<bool> notACallback = () => true;")]
    [InlineData("RemoteCertificateValidationCallback unused = (s, c, ch, e) => true;")]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => { Func<bool> inner = () => true; return e == SslPolicyErrors.None && inner(); };")]
    public Task ValidatingOrUnrelatedCode_IsNotReported(string statement)
    {
        return Verify.VerifyAnalyzerAsync(Wrap(statement));
    }

    [Fact]
    public Task MethodGroups_AreFollowedToTheirBodies()
    {
        var source = Usings + """
            class C
            {
                void M()
                {
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:Accept|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:AcceptExpression|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:new RemoteCertificateValidationCallback(Accept)|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:Local|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:LocalExpression|};
                    ServicePointManager.ServerCertificateValidationCallback = Validate;
                    ServicePointManager.ServerCertificateValidationCallback = Pin;

                    bool Local(object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e)
                    {
                        Console.WriteLine(e);
                        return true;
                    }

                    static bool LocalExpression(object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) => true;
                }

                static bool Accept(object sender, X509Certificate? c, X509Chain? ch, SslPolicyErrors e)
                {
                    return true;
                }

                static bool AcceptExpression(object sender, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) => true;

                static bool Validate(object sender, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) =>
                    e == SslPolicyErrors.None;

                static bool Pin(object sender, X509Certificate? c, X509Chain? ch, SslPolicyErrors e)
                {
                    Check(c);
                    return true;
                }

                static void Check(X509Certificate? c)
                {
                    if (c?.GetCertHashString() != "AB12") throw new InvalidOperationException("Unexpected certificate");
                }
            }
            """;
        return Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task MethodInAnotherFile_IsAdditionalLocation()
    {
        var test = Verify.CreateTest(Usings + """
            class C
            {
                void M() => ServicePointManager.ServerCertificateValidationCallback = {|#0:Callbacks.AcceptAll|};
            }
            """);
        test.TestState.Sources.Add(("/Callbacks.cs", Usings + """
            static class Callbacks
            {
                public static bool {|#1:AcceptAll|}(object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) => true;
            }
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(CertificateValidationDisabledAnalyzer.Rule)
            .WithLocation(0).WithLocation(1)
            .WithArguments("The callback assigned to 'ServicePointManager.ServerCertificateValidationCallback'"));
        return test.RunAsync();
    }

    // The rule binds only the lambdas, anonymous methods, creations and method groups that its text search finds.
    // These spell them in ways that text alone reads wrong. Some have comments and parentheses around the parameter
    // list or a return type. Others use a type alias from another file, a generic method with the errors as a type
    // argument, or an escaped method name.
    [Fact]
    public Task UnusualSpellings_AreFoundBySearch()
    {
        var test = Verify.CreateTest(Usings + """
            class C
            {
                void M()
                {
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(s, c, ch, e) /* any ) */ => true|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(s, c, ch, e) // accept (
                        => true|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(s, // the sender :)
                        c, ch, e) => true|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:bool (s, c, ch, e) => true|};
                    ServicePointManager.ServerCertificateValidationCallback =
                        {|TLS002:(object s, X509Certificate? c, X509Chain? ch, Errors e) => true|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:Callbacks.AcceptAll|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:Callbacks.AcceptAny<SslPolicyErrors>|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:Box<SslPolicyErrors>.Accept|};
                    ServicePointManager.ServerCertificateValidationCallback = (object s, X509Certificate? c, X509Chain? ch, Errors e) =>
                        e == Errors.None;
                }
            }
            """);
        test.TestState.Sources.Add(("/Callbacks.cs", """
            global using Errors = System.Net.Security.SslPolicyErrors;
            using System.Security.Cryptography.X509Certificates;

            static class Callbacks
            {
                public static bool AcceptAll(object s, X509Certificate? c, X509Chain? ch, Errors e) => true;

                public static bool AcceptAny<TErrors>(object s, X509Certificate? c, X509Chain? ch, TErrors e) => true;
            }

            static class Box<TErrors>
            {
                public static bool Accept(object s, X509Certificate? c, X509Chain? ch, TErrors e) => true;
            }
            """));
        test.TestState.Sources.Add(("/Escaped.cs", Usings + """
            class D
            {
                void M() => ServicePointManager.ServerCertificateValidationCallback = {|TLS002:Callbacks.Accept\u0041ll|};
            }
            """));
        return test.RunAsync();
    }

    // A method or delegate of a generic type takes SslPolicyErrors through the type's parameter, so neither its
    // declaration nor the method group names it.
    [Fact]
    public Task GenericTypeMembers_AreFoundBySearch()
    {
        var source = Usings + """
            class Box<T>
            {
                public bool Accept(object s, X509Certificate? c, X509Chain? ch, T e) => true;

                public delegate bool Check(object s, X509Certificate? c, X509Chain? ch, T e);
            }

            class Base<T>
            {
                protected static bool AcceptAll(object s, X509Certificate? c, X509Chain? ch, T e) => true;
            }

            class Derived : Box<SslPolicyErrors>
            {
            }

            class Api
            {
                public static Derived.Check? Current { get; set; }
            }

            class C : Base<SslPolicyErrors>
            {
                static readonly Func<object, X509Certificate?, X509Chain?, SslPolicyErrors, bool> Holder = (s, c, ch, e) => true;

                void M(HttpClientHandler handler)
                {
                    var box = new Box<SslPolicyErrors>();
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:box.Accept|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:new Box<SslPolicyErrors>().Accept|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:AcceptAll|};
                    Api.Current = {|TLS002:new Derived.Check(Holder)|};
                    Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors,
                        bool> copy = new(Holder);
                    handler.ServerCertificateCustomValidationCallback = {|TLS002:copy|};
                }
            }

            class D : Escaped<SslPolicyErrors>
            {
                void M() => ServicePointManager.ServerCertificateValidationCallback = {|TLS002:AcceptEscaped|};
            }
            """;
        var test = Verify.CreateTest(source);

        // A Unicode escape makes the rule walk the declarations of this file instead of searching its text.
        test.TestState.Sources.Add(("/Escaped.cs", """
            using System.Security.Cryptography.X509Certificates;

            class Esc\u0061ped<T>
            {
                protected static bool AcceptEscaped(object s, X509Certificate? c, X509Chain? ch, T e) => true;
            }
            """));
        return test.RunAsync();
    }

    // C# ends a line at a carriage return alone, at U+0085, U+2028 and U+2029 too. A line comment before such a line
    // end hides the arrow's parameter list from a text scan.
    [Theory]
    [InlineData("\r")]
    [InlineData("\u0085")]
    [InlineData("\u2028")]
    public Task OtherLineEnds_AreLineEnds(string lineEnd)
    {
        var source = Usings + "class C" + lineEnd + "{" + lineEnd
            + "    void M() => ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(s, c, ch, e) // dev (RFC 5280)"
            + lineEnd + "        => true|};" + lineEnd + "}";
        return Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task Holders_AreFollowedToTheCallback()
    {
        var source = Usings + """
            class C
            {
                private static readonly RemoteCertificateValidationCallback AcceptField = (s, c, ch, e) => true;
                private static RemoteCertificateValidationCallback AcceptProperty { get; } = delegate { return true; };
                private static RemoteCertificateValidationCallback AcceptExpressionProperty => (s, c, ch, e) => true;
                private static RemoteCertificateValidationCallback AcceptGetter { get { return (s, c, ch, e) => true; } }
                private static RemoteCertificateValidationCallback MutableField = {|TLS002:(s, c, ch, e) => true|};

                static RemoteCertificateValidationCallback Create() => (s, c, ch, e) => true;

                static RemoteCertificateValidationCallback CreateIndirect() => Create();

                static RemoteCertificateValidationCallback CreateValidating() => (s, c, ch, e) => e == SslPolicyErrors.None;

                static RemoteCertificateValidationCallback Loop() => Loop();

                void M(bool debug)
                {
                    RemoteCertificateValidationCallback local = (s, c, ch, e) => true;
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:local|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:AcceptField|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:AcceptProperty|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:AcceptExpressionProperty|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:AcceptGetter|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:Create()|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:CreateIndirect()|};
                    ServicePointManager.ServerCertificateValidationCallback = CreateValidating();
                    ServicePointManager.ServerCertificateValidationCallback = Loop();
                    ServicePointManager.ServerCertificateValidationCallback = MutableField;

                    RemoteCertificateValidationCallback reassigned = (s, c, ch, e) => true;
                    if (debug) reassigned = (s, c, ch, e) => e == SslPolicyErrors.None;
                    ServicePointManager.ServerCertificateValidationCallback = reassigned;

                    ServicePointManager.ServerCertificateValidationCallback = debug ? (s, c, ch, e) => true : null;
                    ServicePointManager.ServerCertificateValidationCallback = AcceptAny;
                    _ = from item in new Source() from errors in new Errors() select true;
                }

                static bool AcceptAny<TErrors>(object s, X509Certificate? c, X509Chain? ch, TErrors e) => true;
            }

            public class Source { }

            public class Errors { }

            public static class Query
            {
                public static bool SelectMany(
                    this Source source, Func<object, Errors> collection, Func<object, SslPolicyErrors, bool> result) => true;
            }
            """;
        return Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task KnownGaps_AreNotReported()
    {
        // Each of these accepts every certificate, and the rule misses it today; see the NOTE comments in the rule.
        var source = Usings + """
            public class C
            {
                public static readonly RemoteCertificateValidationCallback SharedAcceptAll = (s, c, ch, e) => true;

                private readonly RemoteCertificateValidationCallback assignedInConstructor;

                public C() => assignedInConstructor = (s, c, ch, e) => true;

                void M(bool debug)
                {
                    ServicePointManager.ServerCertificateValidationCallback = assignedInConstructor;
                    ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => { var ok = true; return ok; };
                    ServicePointManager.ServerCertificateValidationCallback = debug ? (s, c, ch, e) => true : null;
                    ServicePointManager.ServerCertificateValidationCallback = AcceptAny;
                    _ = from item in new Source() from errors in new Errors() select true;
                }

                static bool AcceptAny<TErrors>(object s, X509Certificate? c, X509Chain? ch, TErrors e) => true;
            }

            public class Source { }

            public class Errors { }

            public static class Query
            {
                public static bool SelectMany(
                    this Source source, Func<object, Errors> collection, Func<object, SslPolicyErrors, bool> result) => true;
            }
            """;
        return Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task TopLevelStatements_AreReported()
    {
        var source = """
            using System.Net;

            ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(s, c, ch, e) => true|};
            """;
        var test = Verify.CreateTest(source);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task UserSinks_AreReported()
    {
        var source = Usings + """
            class Client
            {
                public Func<object, SslPolicyErrors, bool>? Validator { get; set; }

                public Client(RemoteCertificateValidationCallback? callback = null) { }

                public void Connect(Func<X509Certificate2, SslPolicyErrors, bool> validator) { }
            }

            class C
            {
                void M()
                {
                    var client = new Client({|TLS002:(s, c, ch, e) => true|}) { Validator = {|TLS002:(o, e) => true|} };
                    client.Connect({|TLS002:(c, e) => true|});
                    client.Connect((c, e) => e == SslPolicyErrors.None);
                    _ = new Client();
                }
            }
            """;
        return Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task DelegatesWithoutCertificateOrChain_AreSilent()
    {
        // Filters and counters keyed on the error kind see no certificate, so they cannot accept one.
        var source = Usings + """
            class C
            {
                public Func<SslPolicyErrors, bool>? Filter { get; set; }

                static void LogFilter(Func<SslPolicyErrors, bool> shouldLog) { }

                static void Count(Func<string, SslPolicyErrors, bool> shouldCount) { }

                void M()
                {
                    LogFilter(_ => true);
                    LogFilter(delegate { return true; });
                    Count((host, e) => true);
                    Filter = e => true;
                }
            }
            """;
        return Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task DelegatesWithCertificateOrChain_AreReported()
    {
        var source = Usings + """
            class C
            {
                static void WithCertificate(Func<X509Certificate, SslPolicyErrors, bool> validator) { }

                static void WithChain(Func<X509Chain, SslPolicyErrors, bool> validator) { }

                static void WithBoth(Func<X509Certificate2?, X509Chain?, SslPolicyErrors, bool> validator) { }

                void M()
                {
                    WithCertificate({|TLS002:(c, e) => true|});
                    WithChain({|TLS002:(ch, e) => true|});
                    WithBoth({|TLS002:(c, ch, e) => true|});
                }
            }
            """;
        return Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task DynamicCallbackTypes_AreReported()
    {
        // dynamic and object are the same type to the compiler, so this delegate fits the object parameters.
        var source = Usings + """
            class Api
            {
                public static void Register(Func<object, object, SslPolicyErrors, bool> validator) { }
            }

            class C
            {
                void M()
                {
                    Func<dynamic, dynamic, SslPolicyErrors, bool> accept = {|#0:(sender, certificate, errors) => true|};
                    Api.Register({|#1:accept|});
                }
            }
            """;
        var test = Verify.CreateTest(source);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(CertificateValidationDisabledAnalyzer.Rule)
            .WithLocation(1).WithLocation(0)
            .WithArguments("The callback passed as 'validator' of 'Api.Register'"));
        return test.RunAsync();
    }

    [Fact]
    public Task AcceptAnyValidator_InvisibleCharacterInName()
    {
        // The compiler drops the soft hyphen from the identifier, so this is the property all the same.
        var source = Usings + """
            class C
            {
                void M(HttpClientHandler handler)
                {
                    handler.ServerCertificateCustomValidationCallback = {|TLS002:HttpClientHandler.Dangerous­AcceptAnyServerCertificateValidator|};
                }
            }
            """.Replace("\\u00AD", "\u00AD");
        return Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task DangerousAcceptAnyServerCertificateValidator_IsReported()
    {
        var source = Usings + "using static System.Net.Http.HttpClientHandler;\n" + """
            class C
            {
                void M()
                {
                    var handler = new HttpClientHandler
                    {
                        ServerCertificateCustomValidationCallback = {|TLS002:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|},
                    };
                    handler.ServerCertificateCustomValidationCallback = {|TLS002:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|};
                    var validator = {|TLS002:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|};
                    Use({|TLS002:DangerousAcceptAnyServerCertificateValidator|});
                }

                static void Use(object value) { }
            }
            """;
        return Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task AcceptAnyValidator_NameOfAndEscapes()
    {
        var source = Usings + """
            class C
            {
                string Name = nameof(HttpClientHandler.DangerousAcceptAnyServerCertificateValidator);

                void M(HttpClientHandler handler)
                {
                    handler.ServerCertificateCustomValidationCallback = {|TLS002:HttpClientHandler.Dangerous\u0041cceptAnyServerCertificateValidator|};
                }
            }
            """;
        return Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task AcceptAnyValidator_VerbatimName()
    {
        // The rule looks where the text names the property. Comments, strings and longer names that contain it
        // are not uses; a verbatim identifier is.
        var source = Usings + """
            class C
            {
                // DangerousAcceptAnyServerCertificateValidator is for tests only.
                const string Hint = "DangerousAcceptAnyServerCertificateValidator";

                static RemoteCertificateValidationCallback? MyDangerousAcceptAnyServerCertificateValidator => null;

                void M(HttpClientHandler handler)
                {
                    handler.ServerCertificateCustomValidationCallback = {|TLS002:HttpClientHandler.@DangerousAcceptAnyServerCertificateValidator|};
                    _ = MyDangerousAcceptAnyServerCertificateValidator;
                }
            }
            """;
        return Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task GenericDelegates_ByTypeArguments()
    {
        var source = Usings + """
            delegate bool Check<TState>(TState state, X509Certificate? certificate, SslPolicyErrors errors);

            delegate bool Pair<TFirst, TSecond>(TFirst first, TSecond second);

            class C
            {
                static void WithCheck(Check<string> check) { }

                static void WithPair(Pair<X509Chain, SslPolicyErrors> pair) { }

                static void WithNames(Pair<string, string> pair) { }

                void M()
                {
                    WithCheck({|TLS002:(state, certificate, errors) => true|});
                    WithPair({|TLS002:(chain, errors) => true|});
                    WithNames((first, second) => true);
                    WithCheck((state, certificate, errors) => errors == SslPolicyErrors.None);
                }
            }
            """;
        return Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task UserTypeWithFrameworkNames_IsNotReported()
    {
        var source = """
            namespace Mine
            {
                enum SslPolicyErrors { None }
                delegate bool RemoteCertificateValidationCallback(object sender, SslPolicyErrors errors);

                class HttpClientHandler
                {
                    public static RemoteCertificateValidationCallback? DangerousAcceptAnyServerCertificateValidator { get; }
                    public RemoteCertificateValidationCallback? ServerCertificateCustomValidationCallback { get; set; }
                }

                class C
                {
                    void M()
                    {
                        var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (s, e) => true };
                        handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
                    }
                }
            }
            """;
        return Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task NetFramework48_Sinks_AreReported()
    {
        var source = """
            using System.IO;
            using System.Net;
            using System.Net.Http;
            using System.Net.Security;

            class C
            {
                void M(Stream stream)
                {
                    ServicePointManager.ServerCertificateValidationCallback += {|TLS002:delegate { return true; }|};
                    var handler = new WebRequestHandler { ServerCertificateValidationCallback = {|TLS002:(s, c, ch, e) => true|} };
                    var clientHandler = new HttpClientHandler { ServerCertificateCustomValidationCallback = {|TLS002:(m, c, ch, e) => true|} };
                    var ssl = new SslStream(stream, false, {|TLS002:(s, c, ch, e) => true|});
                    var request = (HttpWebRequest)WebRequest.Create("https://localhost");
                    request.ServerCertificateValidationCallback = (s, c, ch, e) => e == SslPolicyErrors.None;
                }
            }
            """;
        var references = ReferenceSets.NetFramework48.AddAssemblies(["System.Net.Http.WebRequest"]);
        return Verify.VerifyAnalyzerAsync(source, references);
    }

    [Fact]
    public Task Kestrel_ClientCertificateValidation_IsReported()
    {
        var source = """
            using Microsoft.AspNetCore.Server.Kestrel.Https;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Builder;

            class C
            {
                void M(WebApplicationBuilder builder)
                {
                    builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
                    {
                        https.ClientCertificateValidation = {|TLS002:(cert, chain, errors) => true|};
                        {|TLS002:https.AllowAnyClientCertificate()|};
                    }));
                    builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(
                        https => https.ClientCertificateValidation = (cert, chain, errors) => errors == System.Net.Security.SslPolicyErrors.None));
                }
            }
            """;
        return Verify.VerifyAnalyzerAsync(source, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public Task AllowAnyClientCertificate_OtherSpellings_AreReported()
    {
        // The rule finds the call by its name in the file's text. A conditional call and an escaped name count too.
        // nameof and a method of the app with the same name do not.
        var source = """
            using Microsoft.AspNetCore.Server.Kestrel.Https;

            class C
            {
                void M(HttpsConnectionAdapterOptions? options, HttpsConnectionAdapterOptions https)
                {
                    options?{|TLS002:.AllowAnyClientCertificate()|};
                    {|TLS002:https.AllowAny\u0043lientCertificate()|};
                    {|TLS002:(options!.AllowAnyClientCertificate)()|};
                    var name = nameof(HttpsConnectionAdapterOptions.AllowAnyClientCertificate);
                    AllowAnyClientCertificate();
                }

                void AllowAnyClientCertificate() { }
            }
            """;
        return Verify.VerifyAnalyzerAsync(source, ReferenceSets.AspNetCore80);
    }

    [Fact]
    public Task Kestrel_AcceptAllWithNoCertificateMode_IsReported()
    {
        // Kestrel skips the callback while no certificate is requested; the bypass returns with the next mode change.
        var source = """
            using Microsoft.AspNetCore.Server.Kestrel.Https;
            using Microsoft.AspNetCore.Server.Kestrel.Core;

            class C
            {
                HttpsConnectionAdapterOptions Create() => new HttpsConnectionAdapterOptions
                {
                    ClientCertificateMode = Microsoft.AspNetCore.Server.Kestrel.Https.ClientCertificateMode.NoCertificate,
                    ClientCertificateValidation = {|TLS002:(cert, chain, errors) => true|},
                };
            }
            """;
        return Verify.VerifyAnalyzerAsync(source, ReferenceSets.AspNetCore80);
    }

    // The rule looks for AddCertificate only in the files that spell it, and walks a file with a Unicode escape
    // anyway, so the escaped call counts too.
    [Theory]
    [InlineData("AddCertificate")]
    [InlineData("Add\\u0043ertificate")]
    public Task AllowAnyClientCertificate_WithAuthentication_IsSilent(string addCertificate)
    {
        var source = $$"""
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.DependencyInjection;

            class C
            {
                void M(WebApplicationBuilder builder)
                {
                    builder.Services.AddAuthentication("Certificate").{{addCertificate}}();
                    builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.AllowAnyClientCertificate()));
                }
            }
            """;

        // The Microsoft.AspNetCore.Authentication.Certificate package is not part of the shared framework; this
        // declaration has the name and shape of its extension class.
        var certificateAuthentication = """
            namespace Microsoft.Extensions.DependencyInjection
            {
                public static class CertificateAuthenticationAppBuilderExtensions
                {
                    public static Microsoft.AspNetCore.Authentication.AuthenticationBuilder AddCertificate(
                        this Microsoft.AspNetCore.Authentication.AuthenticationBuilder builder) => builder;
                }
            }
            """;
        var test = Verify.CreateTest(source, ReferenceSets.AspNetCore80);
        test.TestState.Sources.Add(("/CertificateAuthentication.cs", certificateAuthentication));
        return test.RunAsync();
    }

    // A project that declares SslPolicyErrors and X509Certificate itself gets its certificate type by name, because
    // its own assembly declares no RemoteCertificateValidationCallback whose signature could give it.
    [Fact]
    public Task SourceDeclaredErrorsAndCertificate_IsReported()
    {
        var source = """
            using System;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;

            public delegate bool MyCheck(X509Certificate cert, SslPolicyErrors errors);

            class C
            {
                public static MyCheck Check { get; set; } = {|TLS002:(c, e) => true|};

                void Use(Func<X509Certificate, SslPolicyErrors, bool> check) { }

                void M() => Use({|TLS002:(c, e) => true|});
            }
            """;
        var declarations = """
            namespace System.Net.Security { public enum SslPolicyErrors { None = 0, RemoteCertificateNotAvailable = 1 } }
            namespace System.Security.Cryptography.X509Certificates { public class X509Certificate { } }
            """;
        var test = Verify.CreateTest(source, ReferenceSets.AspNetCore80);
        test.TestState.Sources.Add(("/Declarations.cs", declarations));
        return test.RunAsync();
    }

    [Fact]
    public Task TypesAbsent_NothingIsReported()
    {
        var source = """
            namespace Mine
            {
                enum SslPolicyErrors { None }

                delegate bool Callback(object sender, SslPolicyErrors errors);

                class C
                {
                    public static Callback? Validate { get; set; }

                    void M() => Validate = (s, e) => true;
                }
            }
            """;

        // mscorlib alone has no System.Net.Security, so the rule registers nothing.
        return Verify.VerifyAnalyzerAsync(source, ReferenceSets.NetFramework48.WithAssemblies(["mscorlib"]));
    }

    [Fact]
    public Task BrokenCode_DoesNotCrash()
    {
        var source = Usings + """
            class C
            {
                void M()
                {
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(s, c, ch, e) => true|}{|CS1002:|}
                    ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => {|CS0103:Missing|}();
                    ServicePointManager.ServerCertificateValidationCallback = {|CS0103:Unknown|};
                    var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = {|TLS002:(m, c) {|CS1593:=>|} true|} };
                    ServicePointManager.ServerCertificateValidationCallback = {|CS0123:Wrong|};
                }

                static bool Wrong(int x) => true;
            }
            """;
        return Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task SkipTestProjects_InTestProject_IsSilent()
    {
        var test = Verify.CreateTest(Wrap("ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => true;"));
        test.AddEditorConfig(CertificateValidationDisabledAnalyzer.SkipTestProjectsKey + " = true");
        test.AddGlobalConfig("build_property.IsTestProject = true");
        return test.RunAsync();
    }

    [Fact]
    public Task SkipTestProjects_InOtherProject_Reports()
    {
        var test = Verify.CreateTest(Wrap("ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(s, c, ch, e) => true|};"));
        test.AddEditorConfig(CertificateValidationDisabledAnalyzer.SkipTestProjectsKey + " = true");
        return test.RunAsync();
    }

    [Fact]
    public Task SkipTestProjects_Default_ReportsInTestProject()
    {
        var test = Verify.CreateTest(Wrap("ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(s, c, ch, e) => true|};"));
        test.AddGlobalConfig("build_property.IsTestProject = true");
        return test.RunAsync();
    }

    [Fact]
    public Task SkipTestProjects_InvalidValue_ReportsTls000Once()
    {
        var test = Verify.CreateTest(Wrap("""
            ServicePointManager.ServerCertificateValidationCallback = {|#0:(s, c, ch, e) => true|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:delegate { return true; }|};
            """));
        test.AddEditorConfig(CertificateValidationDisabledAnalyzer.SkipTestProjectsKey + " = yes");
        test.AddGlobalConfig("build_property.IsTestProject = true");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Infrastructure.InvalidOptionDiagnostic.Rule)
            .WithLocation(0)
            .WithArguments(CertificateValidationDisabledAnalyzer.SkipTestProjectsKey, "yes", "false"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(CertificateValidationDisabledAnalyzer.Rule)
            .WithLocation(0)
            .WithArguments("The callback assigned to 'ServicePointManager.ServerCertificateValidationCallback'"));
        return test.RunAsync();
    }

    [Fact]
    public Task Message_NamesTheSink()
    {
        var test = Verify.CreateTest(Wrap("var ssl = new SslStream(System.IO.Stream.Null, false, {|#0:(s, c, ch, e) => true|});"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(CertificateValidationDisabledAnalyzer.Rule)
            .WithLocation(0)
            .WithArguments("The callback passed as 'userCertificateValidationCallback' of 'SslStream'"));
        return test.RunAsync();
    }

    [Fact]
    public Task HoldersInOtherFiles_AreFollowed()
    {
        var test = Verify.CreateTest(Usings + """
            using System.IO;

            class C
            {
                void M(Stream stream, bool debug)
                {
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:Callbacks.AcceptField|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:Callbacks.AcceptProperty|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:Callbacks.Create()|};
                    var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = {|TLS002:Callbacks.HandlerCallback|} };
                    var callback = Callbacks.AcceptField;
                    var ssl = new SslStream(stream, false, {|TLS002:callback|});
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:debug ? Callbacks.AcceptField : Callbacks.Create()|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:debug ? Callbacks.AcceptField : (s, c, ch, e) => true|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(RemoteCertificateValidationCallback)Callbacks.Boxed|};
                    ServicePointManager.ServerCertificateValidationCallback = Callbacks.Validating;
                    ServicePointManager.ServerCertificateValidationCallback = debug ? Callbacks.AcceptField : Callbacks.Validating;
                    _ = nameof(Callbacks.AcceptField);
                }
            }
            """);
        test.TestState.Sources.Add(("/Callbacks.cs", Usings + """
            public static class Callbacks
            {
                public static readonly RemoteCertificateValidationCallback AcceptField = (s, c, ch, e) => true;

                public static RemoteCertificateValidationCallback AcceptProperty => (s, c, ch, e) => true;

                public static Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> HandlerCallback { get; } =
                    (m, c, ch, e) => true;

                public static readonly object Boxed = new RemoteCertificateValidationCallback((s, c, ch, e) => true);

                public static readonly RemoteCertificateValidationCallback Validating = (s, c, ch, e) => e == SslPolicyErrors.None;

                public static RemoteCertificateValidationCallback Create() => (s, c, ch, e) => true;
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task AliasAndDelegateHolders_AreFollowed()
    {
        // The holders' file names neither RemoteCertificateValidationCallback nor SslPolicyErrors: its types come
        // from a global alias and from a delegate declared in another file.
        var test = Verify.CreateTest(Usings + """
            class C
            {
                static void Connect(CertificateCheck check) { }

                void M()
                {
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:Shared.ViaAlias|};
                    Connect({|TLS002:Shared.ViaDelegate|});
                    Connect({|TLS002:Shared.Make()|});
                }
            }
            """);
        test.TestState.Sources.Add(("/Aliases.cs", """
            global using Validator = System.Net.Security.RemoteCertificateValidationCallback;

            public delegate bool CertificateCheck(
                object sender,
                System.Security.Cryptography.X509Certificates.X509Certificate? certificate,
                System.Net.Security.SslPolicyErrors errors);
            """));
        test.TestState.Sources.Add(("/Shared.cs", """
            public static class Shared
            {
                public static readonly Validator ViaAlias = (s, c, ch, e) => true;

                public static CertificateCheck ViaDelegate { get; } = delegate { return true; };

                public static CertificateCheck Make() => (s, c, e) => true;
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task PrivatePartialHolders_AreFollowed()
    {
        var test = Verify.CreateTest(Usings + """
            partial class Client
            {
                void M()
                {
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:acceptAll|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:Inner.Accept()|};
                }
            }
            """);
        test.TestState.Sources.Add(("/Client.Callbacks.cs", Usings + """
            partial class Client
            {
                private static readonly RemoteCertificateValidationCallback acceptAll = (s, c, ch, e) => true;

                private static class Inner
                {
                    internal static RemoteCertificateValidationCallback Accept() => (s, c, ch, e) => true;
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task LocalsAndLocalFunctions_AreFollowed()
    {
        var source = Usings + """
            class C
            {
                void M(bool debug)
                {
                    var first = new RemoteCertificateValidationCallback((s, c, ch, e) => true);
                    var second = first;
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:second|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:first|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:debug ? first : second|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:Make()|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:MakeFromField()|};
                    ServicePointManager.ServerCertificateValidationCallback = MakeValidating();

                    RemoteCertificateValidationCallback Make() => (s, c, ch, e) => true;

                    RemoteCertificateValidationCallback MakeFromField() => AcceptAll;

                    static RemoteCertificateValidationCallback MakeValidating() => (s, c, ch, e) => e == SslPolicyErrors.None;
                }

                static readonly RemoteCertificateValidationCallback AcceptAll = (s, c, ch, e) => true;
            }
            """;
        return Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public Task UnusualHolders_AreFollowed()
    {
        // Holders that a first reading missed: a generic factory, a generic holder class, interface-typed and
        // alias-typed fields, a factory named like Kestrel's method, parenthesized calls, and an alias that rests
        // on a delegate declared below it.
        var test = Verify.CreateTest(Usings + """
            using System.IO;

            class C
            {
                static void Check(App.CertCheck check) { }

                void M(Stream stream, Holders holders)
                {
                    _ = new SslStream(stream, false, {|TLS002:Holders.Make<RemoteCertificateValidationCallback>()|});
                    _ = new SslStream(stream, false, {|TLS002:Box<RemoteCertificateValidationCallback>.Value|});
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(RemoteCertificateValidationCallback)Holders.Cloneable|};
                    ServicePointManager.ServerCertificateValidationCallback = {|TLS002:(RemoteCertificateValidationCallback)Holders.Aliased|};
                    _ = new SslStream(stream, false, {|TLS002:Holders.AllowAnyClientCertificate()|});
                    _ = new SslStream(stream, false, {|TLS002:(holders!.Create)()|});
                    _ = new SslStream(stream, false, {|TLS002:((Holders.Make<RemoteCertificateValidationCallback>))()|});
                    Check({|TLS002:Holders.ViaAlias|});
                }
            }
            """);
        test.TestState.Sources.Add(("/Holders.cs", Usings + """
            using Obj = System.Object;

            public class Holders
            {
                public static readonly ICloneable Cloneable = new RemoteCertificateValidationCallback((s, c, ch, e) => true);

                public static readonly Obj Aliased = new RemoteCertificateValidationCallback((s, c, ch, e) => true);

                public static readonly Cb ViaAlias = (s, c, ch, e) => true;

                public static T Make<T>() => (T)(object)new RemoteCertificateValidationCallback((s, c, ch, e) => true);

                public static RemoteCertificateValidationCallback AllowAnyClientCertificate() => (s, c, ch, e) => true;

                public RemoteCertificateValidationCallback Create() => (s, c, ch, e) => true;
            }

            public static class Box<T>
            {
                public static T Value => (T)(object)new RemoteCertificateValidationCallback((s, c, ch, e) => true);
            }
            """));
        test.TestState.Sources.Add(("/Aliases.cs", """
            global using Errors = System.Net.Security.SslPolicyErrors;
            global using Cb = App.CertCheck;
            """));
        test.TestState.Sources.Add(("/CertCheck.cs", """
            using System.Security.Cryptography.X509Certificates;

            namespace App;

            public delegate bool CertCheck(object s, X509Certificate? c, X509Chain? ch, Errors e);
            """));
        return test.RunAsync();
    }

    [Fact]
    public async Task UnfinishedHolderDeclarations_DoNotHang()
    {
        // A member without a name, typed while the next one is half written, once made the name search loop forever.
        string[] sources =
        [
            "using System.Net.Security; class H { public RemoteCertificateValidationCallback { get; } }",
            "using System.Net.Security; class F { static readonly RemoteCertificateValidationCallback A, ; }",
            "class E { public int { get; } string s = \"\\u0041\"; }",
            "using System.Net; class U { void M() => ServicePointManager.ServerCertificateValidationCallback = null; }",
        ];
        var factory = await Robustness.CompilationFactory.GetAsync(CancellationToken.None);
        var trees = sources.Select((text, index) => CSharpSyntaxTree.ParseText(text, factory.ParseOptions, "/File" + index + ".cs"));
        var compilation = CSharpCompilation.Create(
            "Unfinished", trees, factory.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analysis = compilation.WithAnalyzers([new CertificateValidationDisabledAnalyzer()]).GetAnalyzerDiagnosticsAsync();

        var diagnostics = await analysis.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("Sink")]
    [InlineData("Read")]
    [InlineData("")]
    public async Task SpanAnalysis_FindsSinksFedFromOutsideTheSpan(string marker)
    {
        // The IDE analyzes the span around the caret. The delegate or the holder read sits on another line of the
        // same method, and the sink must still be reported, once, and nothing outside the span. The empty marker
        // takes every marked line, so the span covers both.
        const string Source = """
            using System.Net;
            using System.Net.Security;

            class C
            {
                static readonly RemoteCertificateValidationCallback AcceptAll = (s, c, ch, e) => true;

                void M()
                {
                    var fromLambda = new RemoteCertificateValidationCallback((s, c, ch, e) => true); // Read
                    var fromHolder = AcceptAll; // Read
                    ServicePointManager.ServerCertificateValidationCallback = fromLambda; // Sink
                    ServicePointManager.ServerCertificateValidationCallback += fromHolder; // Sink
                }
            }
            """;
        var factory = await Robustness.CompilationFactory.GetAsync(CancellationToken.None);
        var tree = CSharpSyntaxTree.ParseText(Source, factory.ParseOptions, "/C.cs");
        var compilation = CSharpCompilation.Create(
            "Span", [tree], factory.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var withAnalyzers = compilation.WithAnalyzers([new CertificateValidationDisabledAnalyzer()]);
        var lines = tree.GetText().Lines.Where(line => line.ToString().Contains("// " + marker, StringComparison.Ordinal)).ToList();
        var span = TextSpan.FromBounds(lines[0].Start, lines[^1].End);

        var result = await withAnalyzers.GetAnalysisResultAsync(compilation.GetSemanticModel(tree), span, CancellationToken.None);

        var reported = result.GetAllDiagnostics()
            .Where(diagnostic => diagnostic.Id == RuleIds.CertificateValidationDisabled)
            .Select(diagnostic => tree.GetText().Lines.GetLineFromPosition(diagnostic.Location.SourceSpan.Start).ToString().Trim())
            .ToList();
        var expected = marker != "Read"
            ? new[]
            {
                "ServicePointManager.ServerCertificateValidationCallback = fromLambda; // Sink",
                "ServicePointManager.ServerCertificateValidationCallback += fromHolder; // Sink",
            }
            : [];
        Assert.Equal(string.Join(Environment.NewLine, expected), string.Join(Environment.NewLine, reported));
    }

    private static string Wrap(string statement) => Usings + $$"""
        class C
        {
            void M()
            {
                {{statement}}
            }
        }
        """;
}
